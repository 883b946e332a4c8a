// What the web app's benchmarks share: medians with min-max, a peer signed
// in through the browser, and the notes list opened from the capture page of
// a browser that has the app open, timed by the browser itself.

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

export const ms = (s) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}-${s.max.toFixed(1)})`;

// A new browser context signed in at `base`, and its page.
export async function signedIn(browser, base, email, password) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/signin`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
  return { context, page };
}

// Makes every notes list `context` opens note the moment its 50th note is in
// the page (window.notesDrawnAt, ms since its navigation started), once its
// service worker is running.
export async function timeNotesLists(context, page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.addInitScript(() => {
    if (!location.pathname.endsWith('/notes')) return;
    new MutationObserver((_, observer) => {
      if (document.querySelector('.app-timeline > li:nth-child(50)')) {
        window.notesDrawnAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

// Opens the notes list from the capture page, as a peer in the room does;
// returns [ms as Playwright times it, ms as the browser times it].
export async function openNotesList(page, base, notesPath) {
  await page.goto(`${base}${notesPath}/new`);
  await page.getByRole('button', { name: 'Save the note' }).waitFor();
  const start = performance.now();
  await page.goto(`${base}${notesPath}`);
  await page.locator('.app-timeline > li').nth(49).waitFor();
  return [performance.now() - start, await page.evaluate(() => window.notesDrawnAt)];
}
