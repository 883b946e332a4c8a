// The service worker: keeps the app's shell (its page and its two files) so
// that a peer who has opened the app once can open it again with no network
// and go on writing notes (note_outbox.ts keeps them). It answers only the
// app's pages, network first (so a connection always gets the newest app),
// falling back to the copy kept when the network fails or takes more than a
// few seconds; and the page's files, which it asks for by version
// ("?v=..."), from the copy kept of that version. API calls, report
// downloads, sign-in and respondents' pages are never touched, so nothing
// confidential is cached.
// A module, so that `self` below is the worker's own type.
export {};
declare const self: ServiceWorkerGlobalScope;

const cacheName = "healthcheck-app-v2";
const shell = "/app-shell"; // every app page is the same index.html
const patience = 4000; // ms to wait for the network before the kept copy

// The files a shell page links, by the addresses of their versions
// ("/assets/app.js?v=...").
function linkedBy(html: string): string[] {
  return [...html.matchAll(/\/assets\/app\.(?:js|css)\?v=[0-9a-f]+/g)].map((m) => m[0]);
}

// Keeps `page` as the shell with the files it links, and forgets other
// versions of them.
async function keepShell(cache: Cache, page: Response): Promise<void> {
  const files = linkedBy(await page.clone().text());
  const missing: string[] = [];
  for (const f of files) if (!(await cache.match(f))) missing.push(f);
  await cache.addAll(missing);
  await cache.put(shell, page);
  for (const key of await cache.keys()) {
    const url = new URL(key.url);
    if (url.pathname.startsWith("/assets/") && !files.includes(url.pathname + url.search)) {
      await cache.delete(key);
    }
  }
}

// Installed from an app page, so signed in: the shell is the home page's.
self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const page = await fetch("/");
    if (page.ok && !page.redirected) await keepShell(await caches.open(cacheName), page);
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

// An app page: the network's answer within `patience` (kept as the shell,
// after answering, when it is the app's own 200); the kept copy otherwise.
async function page(event: FetchEvent): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await Promise.race([
      fetch(event.request),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("slow")), patience)),
    ]);
    if (response.ok && !response.redirected) {
      event.waitUntil(keepShell(cache, response.clone()));
    }
    return response;
  } catch (error) {
    const kept = await cache.match(shell);
    if (kept) return kept;
    throw error;
  }
}

// A version of a file never changes: the kept copy if there is one, else
// the network's, kept after answering.
async function file(event: FetchEvent): Promise<Response> {
  const cache = await caches.open(cacheName);
  const kept = await cache.match(event.request);
  if (kept) return kept;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (event.request.mode === "navigate" && isAppPage(url)) {
    event.respondWith(page(event));
  } else if (/^\/assets\/app\.(js|css)$/.test(url.pathname) && url.searchParams.has("v")) {
    event.respondWith(file(event));
  }
});
