// The web app's timings where peers use it in the room, in Debian's chromium
// against a seeded hc_server, each beside a baseline measured in the same
// run (a benchmark, not a test: nothing here fails on a timing):
//   first load   a fresh browser opening the capture page until its form is
//                drawn; baseline: the server's own sign-in page
//   save         pressing "Save the note" until the page shows it saved
//                (the form cleared for the next), timed inside the page;
//                baseline: one IndexedDB put of the same note in the same page
//   notes list   opening the notes of an engagement holding NOTES notes
//                until its page of 50 is drawn, in a fresh browser (cold) and
//                from the capture page of a browser that has the app open
//                (as a peer in the room does), the latter also as the
//                browser times it (navigation start to the 50th note in the
//                page); baseline: the ListNotes call alone, from the same page
//   bytes        the app's files compressed (gzip -9), as sent
// Each is RUNS runs; medians with min-max go to standard output as Markdown.
//
// Usage: node web_app_bench.mjs BASE EMAIL PASSWORD ENGAGEMENT DIST_DIR RUNS
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../e2e/browser/launch.mjs';
import { ms, openNotesList, signedIn, stats, timeNotesLists } from './web_app_timing.mjs';

const [base, email, password, engagement, dist, runsText] = process.argv.slice(2);
const runs = Number(runsText);

// Milliseconds from navigating to `path` until `ready` holds, in a fresh
// context with the signed-in cookie (no cache, no service worker).
async function loadTime(browser, state, path, ready) {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  const start = performance.now();
  await page.goto(`${base}${path}`);
  await ready(page);
  const took = performance.now() - start;
  await context.close();
  return took;
}

const browser = await launchChromium();
try {
  const { context, page } = await signedIn(browser, base, email, password);
  const state = await context.storageState();
  const notesPath = `/app/${engagement}/notes`;
  const rows = { 'first load': [[], []], save: [[], []], 'notes list, cold': [[], []],
                 'notes list, app open': [[], []],
                 'notes list, app open, as the browser times it': [[], []] };
  for (let run = 0; run < runs; run += 1) {
    rows['first load'][0].push(await loadTime(browser, state, `${notesPath}/new`,
      (p) => p.getByRole('button', { name: 'Save the note' }).waitFor()));
    rows['first load'][1].push(await loadTime(browser, {}, '/signin',
      (p) => p.getByRole('button', { name: 'Sign in' }).waitFor()));
    rows['notes list, cold'][0].push(await loadTime(browser, state, notesPath,
      (p) => p.locator('.app-timeline > li').nth(49).waitFor()));
  }

  // Saves, timed in the page: the press until the banner says so; and a
  // bare IndexedDB put of the same note.
  await page.goto(`${base}${notesPath}/new`);
  const source = await page.locator('#source option').nth(1).getAttribute('value');
  await page.locator('#source').selectOption(source);
  for (let run = 0; run < runs; run += 1) {
    await page.getByLabel('What was said or seen').fill(`Timed note ${run}: the board met.`);
    await page.getByLabel(/^For/).check();
    const [save, put] = await page.evaluate(async (n) => {
      // Saved is when the form clears for the next note, in the same
      // render that shows the banner.
      const text = document.querySelector('#text');
      const start = performance.now();
      document.querySelector('main form button[type=submit]').click();
      await new Promise((resolve) => {
        const check = () => (text.value === '' ? resolve() : requestAnimationFrame(check));
        check();
      });
      const saved = performance.now() - start;
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(`baseline-${n}`, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('s', { autoIncrement: true });
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const t0 = performance.now();
      await new Promise((resolve, reject) => {
        const tx = db.transaction('s', 'readwrite');
        tx.objectStore('s').add({ text: `Timed note ${n}: the board met.`, tags: [], polarity: 1 });
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      return [saved, performance.now() - t0];
    }, run);
    rows.save[0].push(save);
    rows.save[1].push(put);
  }

  // The list from the capture page, in the browser that has the app open
  // (its files kept, its service worker running): timed here, and by the
  // browser itself, from the start of the page's navigation to the moment
  // its 50th note is in the page (without Playwright's navigation and
  // polling).
  await timeNotesLists(context, page);
  for (let run = 0; run < runs; run += 1) {
    const [played, browsed] = await openNotesList(page, base, notesPath);
    rows['notes list, app open'][0].push(played);
    rows['notes list, app open, as the browser times it'][0].push(browsed);
  }

  // The list's API call alone, from the page.
  await page.goto(`${base}${notesPath}`);
  const call = [];
  for (let run = 0; run < runs; run += 1) {
    call.push(await page.evaluate(async (parent) => {
      const start = performance.now();
      const response = await fetch('/healthcheck.v1.EvidenceService/ListNotes', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ parent, pageSize: 50 }) });
      await response.json();
      return performance.now() - start;
    }, engagement));
  }
  rows['notes list, cold'][1] = call;
  rows['notes list, app open'][1] = call;
  rows['notes list, app open, as the browser times it'][1] = call;

  console.log('| What | App, ms median (min-max) | Baseline, ms median (min-max) | Ratio |');
  console.log('|---|---|---|---|');
  for (const [what, [app, baseline]] of Object.entries(rows)) {
    const a = stats(app);
    const b = stats(baseline);
    console.log(`| ${what} | ${ms(a)} | ${ms(b)} | ${(a.median / b.median).toFixed(1)} |`);
  }
  const sizes = ['app.js', 'app.css', 'sw.js'].map((f) => {
    const raw = readFileSync(join(dist, f));
    return [f, raw.length, gzipSync(raw, { level: 9 }).length];
  });
  console.log('\n| File | Bytes | Compressed (gzip -9) |\n|---|---|---|');
  for (const [f, raw, gz] of sizes) console.log(`| ${f} | ${raw} | ${gz} |`);
  await context.close();
} finally {
  await browser.close();
}
