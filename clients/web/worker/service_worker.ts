// The service worker: keeps the app's shell (its page and its two files) so
// that a peer who has opened the app once can open it again with no network
// and go on writing notes (note_outbox.ts keeps them). It answers only the
// app's pages and files, network first (so a connection always gets the
// newest app), falling back to the copy kept when the network fails or
// takes more than a few seconds. API calls, report downloads, sign-in and
// respondents' pages are never touched, so nothing confidential is cached.
// A module, so that `self` below is the worker's own type.
export {};
declare const self: ServiceWorkerGlobalScope;

const cacheName = "healthcheck-app-v1";
const shell = "/app-shell"; // every app page is the same index.html
const files = ["/assets/app.js", "/assets/app.css"];
const patience = 4000; // ms to wait for the network before the kept copy

// Installed from an app page, so signed in: the shell is the home page's.
self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.addAll(files);
    const page = await fetch("/");
    if (page.ok && !page.redirected) await cache.put(shell, page);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function isAppPage(url: URL): boolean {
  return url.pathname === "/" || url.pathname.startsWith("/app/");
}

// The network's answer within `patience`, kept as `key` when it is the
// app's own 200; the kept copy otherwise.
async function networkFirst(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("slow")), patience)),
    ]);
    if (response.ok && !response.redirected) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (event.request.mode === "navigate" && isAppPage(url)) {
    event.respondWith(networkFirst(event.request, shell));
  } else if (files.includes(url.pathname)) {
    event.respondWith(networkFirst(event.request, url.pathname));
  }
});
