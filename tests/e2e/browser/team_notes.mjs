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
// Last, the third peer writes a note offline at an activity the lead peer
// (the first) cancels meanwhile: refused, it is set aside with the reason,
// and uploaded once she names another source.
import { mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launchChromium, launchChromiumWithProfile } from './launch.mjs';
import { drained as drainedOf, notesOnServer } from './notes.mjs';
import { failer, pageChecks } from './pages.mjs';
import { steps } from './steps.mjs';

const [base, out, restart, password, engagement, ...people] = process.argv.slice(2);
const fail = failer('team notes');
const { check, signIn, setPassword, submit, success } = pageChecks({ base, out, fail });
const { confirm } = steps({ base, fail, submit, success });
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

// Waits until nothing of this browser's waits to upload, on the page `path`.
const drained = (peer, path) => drainedOf(peer.page, `${base}${path}`, peer.name, { check, fail });

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
  const byTime = await notesOnServer(hana.page, engagement);
  if (byTime.length !== 3 * notesPerPeer) fail(`the server holds ${byTime.length} notes, not 60`);
  for (const peer of peers) {
    const theirs = byTime.map((note) => note.text).filter((t) => t.startsWith(`${peer.name} `));
    if (JSON.stringify(theirs) !== JSON.stringify(peer.written)) {
      fail(`${peer.name}'s notes on the server are not the 20 written, once each, in order: ${
        theirs.map((t) => t.slice(0, t.indexOf(':'))).join(', ')}`);
    }
  }
  await check(hana.page, 'team-notes-all-uploaded');

  // Offline again, Hana writes a note at the interview of day 3, which the
  // lead peer cancels meanwhile: the server refuses it, and her browser sets
  // it aside, saying why. She says it was heard at the meeting instead, and
  // it is uploaded from there.
  await hana.context.setOffline(true);
  await openCapture(hana.page);
  const late = 'hana 21: heard at an interview that was then cancelled.';
  const interview = await hana.page.locator('#source option', { hasText: 'Interview on day 3' })
    .getAttribute('value');
  await hana.page.getByLabel('Heard or seen at').selectOption(interview);
  await hana.page.getByLabel('What was said or seen').fill(late);
  await hana.page.getByLabel(/^For/).check();
  await hana.page.getByRole('button', { name: 'Save the note' }).click();
  await hana.page.getByText(/^1 note is waiting to upload/).waitFor();
  const lena = peers[0].page;
  await lena.goto(`${base}/app/${engagement}/fieldwork`);
  await confirm(lena, 'Cancel Interview on day 3, day 3', 'Yes, cancel it',
                '"Interview on day 3" is cancelled');
  await hana.context.setOffline(false);
  await hana.page.goto(`${base}/app/${engagement}/notes`);
  const held = hana.page.getByRole('listitem').filter({ hasText: late });
  await held.getByText('It could not be uploaded: activity "Interview on day 3" was cancelled')
    .waitFor({ timeout: 10000 }).catch(() => fail('the note from a cancelled activity is not set aside'));
  await held.getByRole('button', { name: /^Upload it again/ }).click();
  await held.locator('.govuk-error-message', { hasText: 'Choose where it was heard or seen' })
    .waitFor({ timeout: 5000 }).catch(() => fail('uploading with no source chosen was not refused'));
  await check(hana.page, 'team-notes-set-aside');
  await hana.page.setViewportSize({ width: 320, height: 900 });
  await check(hana.page, 'team-notes-set-aside-320');
  const source = held.getByLabel('Heard or seen at');
  const meeting = await source.locator('option', { hasText: 'Meeting on day 3' }).getAttribute('value');
  await source.selectOption(meeting);
  await held.getByRole('button', { name: /^Upload it again/ }).click();
  await held.waitFor({ state: 'detached', timeout: 10000 })
    .catch(() => fail('the note given another source was not uploaded'));
  await drained(hana, `/app/${engagement}/notes`);
  const after = (await notesOnServer(hana.page, engagement)).filter((n) => n.text === late);
  if (after.length !== 1 || after[0].activity !== meeting) {
    fail(`the note set aside is not on the server once, from the meeting: ${JSON.stringify(after)}`);
  }
} finally {
  // The profile's browser first, so that nothing writes to it as it goes.
  await peers[2]?.context.close().catch(() => {});
  await browser.close();
  await rm(profile, { recursive: true, force: true });
}
console.log('team notes: 60 notes from 3 peers, each once and in the order written; ' +
            '8 written offline across a browser restart; the server killed after a commit ' +
            'and before its reply; a note from a cancelled activity set aside, given another ' +
            'source and uploaded');
