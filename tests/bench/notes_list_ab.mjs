// The notes list, app open, as the browser times it, of two servers (two
// builds over copies of one store) in one chromium: after three warm-up
// opens each, PAIRS opens of each in turn, the order alternating, so that
// drift in the machine's speed falls on both. Prints each build's median
// (min-max) and the median of the paired differences, A minus B, in ms.
//
// Usage: node notes_list_ab.mjs ORIGIN_A ORIGIN_B EMAIL PASSWORD ENGAGEMENT PAIRS
import { launchChromium } from '../e2e/browser/launch.mjs';
import { ms, openNotesList, signedIn, stats, timeNotesLists } from './web_app_timing.mjs';

const [originA, originB, email, password, engagement, pairsText] = process.argv.slice(2);
const notesPath = `/app/${engagement}/notes`;

const browser = await launchChromium();
try {
  const builds = [];
  for (const origin of [originA, originB]) {
    const { context, page } = await signedIn(browser, origin, email, password);
    await page.goto(`${origin}${notesPath}/new`);
    await timeNotesLists(context, page);
    builds.push({ origin, page, times: [] });
  }
  const open = async (b) => (await openNotesList(b.page, b.origin, notesPath))[1];
  for (let i = 0; i < 3; i += 1) for (const b of builds) await open(b);
  for (let i = 0; i < Number(pairsText); i += 1) {
    for (const b of i % 2 ? builds : [...builds].reverse()) b.times.push(await open(b));
  }
  const [a, b] = builds;
  console.log('| Build | Notes list, app open, as the browser times it: ms median (min-max) |');
  console.log('|---|---|');
  console.log(`| A | ${ms(stats(a.times))} |`);
  console.log(`| B | ${ms(stats(b.times))} |`);
  console.log(`| A - B, paired | ${ms(stats(a.times.map((t, i) => t - b.times[i])))} |`);
} finally {
  await browser.close();
}
