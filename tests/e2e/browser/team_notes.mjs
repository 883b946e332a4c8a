// Three peers of one review team log 60 evidence notes in chromium over the
// three-day plan, in turns, each in a browser of their own
// (notes_browser_test.sh sets up the team and the plan):
//
//   node team_notes.mjs BASE OUT RESTART PASSWORD ENGAGEMENT
//                       LINK1 EMAIL1 LINK2 EMAIL2 LINK3 EMAIL3
//
// Each peer sets their password, signs in and writes 20 notes, each from
// one of the plan's activities. The third peer's browser keeps its profile
// on disk: they go offline for an afternoon after their 8th note, write
// six notes, close the browser, start it again still offline, write two
// more, and come back online. The second peer's 10th upload is cut short
// by RESTART, which kills the server with SIGKILL after it has committed
// the note and before its reply reaches the browser, and starts it again.
// Afterwards no note waits in any browser, and the server holds each of
// the 60 notes exactly once, each peer's in the order they wrote them.
import { mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launchChromium, launchChromiumWithProfile } from './launch.mjs';
import { failer, pageChecks } from './pages.mjs';

const [base, out, restart, password, engagement, ...people] = process.argv.slice(2);
const fail = failer('team notes');
const { check, signIn, setPassword } = pageChecks({ base, out, fail });
const notesPerPeer = 20;
const capture = `${base}/app/${engagement}/notes/new`;

// Opens the capture form and waits until its sources are listed.
async function openCapture(page) {
  await page.goto(capture);
  await page.getByRole('heading', { name: 'Add a note', level: 1 }).waitFor();
  await page.locator('#source option').nth(9).waitFor({ state: 'attached' });
}

// Writes note `n` of `peer` from the plan's activity n mod 9, and waits
// until the form is cleared for the next one (the note is then kept in the
// browser, uploaded or not).
async function write(peer, n) {
  const { page, name } = peer;
  const text = `${name} ${String(n).padStart(2, '0')}: what was heard at this activity.`;
  const options = page.locator('#source option');
  const source = await options.nth(1 + ((n - 1) % 9)).getAttribute('value');
  await page.getByLabel('Heard or seen at').selectOption(source);
  await page.getByLabel('What was said or seen').fill(text);
  await page.getByLabel(n % 3 === 0 ? /^Against/ : /^For/).check();
  await page.getByRole('button', { name: 'Save the note' }).click();
  await page.waitForFunction(() => document.querySelector('#text')?.value === '', null,
                             { timeout: 10000 })
    .catch(() => fail(`${name}'s note ${n} was not saved`));
  peer.written.push(text);
}

// Waits until nothing of this browser's waits to upload, on the page
// `path`, and checks that nothing was set aside either.
async function drained(peer, path) {
  await peer.page.goto(`${base}${path}`);
  for (let i = 0; i < 20; i++) {
    if (await peer.page.getByText('No notes are waiting to upload.').count()) {
      if (await peer.page.getByText(/could not be uploaded/).count()) {
        fail(`${peer.name}'s browser set a note aside`);
      }
      return;
    }
    await peer.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await peer.page.waitForTimeout(500);
  }
  await check(peer.page, `team-notes-stuck-${peer.name}`);
  fail(`${peer.name}'s browser still has notes waiting`);
}

const browser = await launchChromium();
// Under OUT, so that it goes with the test's files even if the test fails.
const profile = await mkdtemp(join(out, 'profile-'));
const peers = [];
try {
  for (let i = 0; i < 3; i++) {
    const [link, email] = [people[2 * i], people[2 * i + 1]];
    const context = i === 2 ? await launchChromiumWithProfile(profile, { bypassCSP: true })
                            : await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await setPassword(page, link, password);
    await signIn(page, email, password);
    await openCapture(page);
    peers.push({ context, page, email, name: email.split('@')[0], written: [] });
  }
  const [, pete, hana] = peers;

  let cut = 0;
  for (let n = 1; n <= notesPerPeer; n++) {
    if (n === 9) {
      // Hana's afternoon without a network, once her morning's notes are
      // uploaded and the app is kept for opening offline.
      await drained(hana, `/app/${engagement}/notes/new`);
      await hana.page.evaluate(() => navigator.serviceWorker.ready);
      await hana.context.setOffline(true);
    }
    if (n === 15) {
      // She closes the browser, and starts it again still offline.
      await hana.context.close();
      hana.context = await launchChromiumWithProfile(profile, { bypassCSP: true, offline: true });
      hana.page = await hana.context.newPage();
      await openCapture(hana.page);
      await hana.page.getByText(/^6 notes are waiting to upload/).waitFor({ timeout: 10000 })
        .catch(() => fail("the restarted browser does not hold Hana's 6 notes"));
      await check(hana.page, 'team-notes-offline-restarted');
    }
    if (n === 17) await hana.context.setOffline(false);
    if (n === 10) {
      // The server dies after committing Pete's note, before replying.
      await pete.page.route('**/healthcheck.v1.EvidenceService/CreateNote', async (route) => {
        const reply = await route.fetch();
        const made = reply.status() === 200 && (await reply.json()).name?.startsWith(engagement);
        if (!made) fail(`the upload to be cut short failed by itself (${reply.status()})`);
        execFileSync(restart);
        cut += 1;
        await route.abort('connectionreset');
      }, { times: 1 });
    }
    for (const peer of peers) await write(peer, n);
  }
  if (cut !== 1) fail(`the server was not killed during an upload (${cut})`);
  for (const peer of peers) await drained(peer, `/app/${engagement}/notes`);

  // What the server holds, read as the team reads it.
  const held = await hana.page.evaluate(async (parent) => {
    const response = await fetch('/healthcheck.v1.EvidenceService/ListNotes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'connect-protocol-version': '1' },
      body: JSON.stringify({ parent, pageSize: 500 }),
    });
    return (await response.json()).notes ?? [];
  }, engagement);
  if (held.length !== 3 * notesPerPeer) fail(`the server holds ${held.length} notes, not 60`);
  // RFC 3339 times with 0 to 9 digits of a second, made comparable as text.
  const sortable = (time) => time.replace(/(\.\d+)?Z$/, (end) =>
    `${(end.length > 1 ? end.slice(0, -1) : '.').padEnd(10, '0')}Z`);
  const byTime = [...held].sort((a, b) =>
    sortable(a.createTime).localeCompare(sortable(b.createTime)));
  for (const peer of peers) {
    const theirs = byTime.map((note) => note.text).filter((t) => t.startsWith(`${peer.name} `));
    if (JSON.stringify(theirs) !== JSON.stringify(peer.written)) {
      fail(`${peer.name}'s notes on the server are not the 20 written, once each, in order: ${
        theirs.map((t) => t.slice(0, t.indexOf(':'))).join(', ')}`);
    }
  }
  await check(hana.page, 'team-notes-all-uploaded');
} finally {
  // The profile's browser first, so that nothing writes to it as it goes.
  await peers[2]?.context.close().catch(() => {});
  await browser.close();
  await rm(profile, { recursive: true, force: true });
}
console.log('team notes: 60 notes from 3 peers, each once and in the order written; ' +
            '8 written offline across a browser restart; the server killed after a commit ' +
            'and before its reply');
