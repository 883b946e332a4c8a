// Steps the browser tests take again and again, as a person takes them:
// filling a date, adding a peer, starting a health check, adding a team
// member, inviting someone, moving
// a health check on a stage, confirming a button, planning an activity,
// downloading a file.
//
// steps({ base, fail, submit, success }) gives the steps for the server at
// BASE, with pageChecks' submit and success (pages.mjs).
import { readFile } from 'node:fs/promises';

// "27 3 2027": the boxes of the date `days` from today.
export function dayFromNow(days) {
  const at = new Date(Date.now() + days * 86400000);
  return { day: String(at.getDate()), month: String(at.getMonth() + 1),
           year: String(at.getFullYear()) };
}

export function steps({ base, fail, submit, success }) {
  async function fillDate(page, legend, days) {
    const group = page.getByRole('group', { name: legend });
    const { day, month, year } = dayFromNow(days);
    await group.getByLabel('Day').fill(day);
    await group.getByLabel('Month').fill(month);
    await group.getByLabel('Year').fill(year);
  }

  // An accredited peer; their email is first-name@first-word-of-organisation.example.
  async function addPeer(page, peer) {
    await page.goto(`${base}/app/peers/new`);
    await page.getByLabel('Full name').fill(peer.name);
    await page.getByLabel('Email address').fill(peerEmail(peer));
    await page.getByLabel('Organisation they work for').fill(peer.organisation);
    await page.getByLabel('Sector').selectOption({ label: peer.sector });
    await fillDate(page, 'Accredited on (optional)', peer.accredited);
    await fillDate(page, 'Accreditation ends on', peer.expires);
    await submit(page, 'Add the peer');
    await success(page, `${peer.name} is added`);
  }

  // Starts a health check of the partnership at `partnershipPath` for
  // `purpose` ("Developmental"); returns the health check's path.
  async function startHealthCheck(page, partnershipPath, purpose) {
    await page.goto(`${base}${partnershipPath}`);
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('button', { name: 'Start a health check' }).click()]);
    await page.getByLabel(purpose).check();
    await submit(page, 'Start the health check');
    await success(page, 'The health check is started');
    return new URL(page.url()).pathname;
  }

  // Presses "Add to the team"; what follows (success or refusal) is the caller's.
  async function addToTeam(page, engagementPath, peer, role) {
    await page.goto(`${base}${engagementPath}/team/add`);
    await page.getByLabel('Peer to add').selectOption({ label: peer });
    await page.getByLabel(role, { exact: true }).check();
    await page.getByRole('button', { name: 'Add to the team' }).click();
  }

  // Invites someone; returns their set-password link.
  async function invite(page, name, email, role, choice) {
    await page.goto(`${base}/app/people/invite`);
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel(role, { exact: true }).check();
    if (choice) await page.getByLabel(choice.label).selectOption({ label: choice.option });
    await page.getByRole('button', { name: 'Invite and show their link' }).click();
    await page.getByRole('heading', { name: `${name} is invited` }).waitFor();
    return page.locator('code').textContent();
  }

  // Presses a stage's button on the engagement's page and confirms it on
  // the check page; what follows is the caller's.
  async function stage(page, engagementPath, button, reason) {
    await page.goto(`${base}${engagementPath}`);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
    await page.getByRole('heading', { name: /^Check before you/ }).waitFor();
    if (reason) await page.getByLabel(reason.label).fill(reason.text);
    await page.getByRole('button', { name: /^Confirm/ }).click();
  }

  // Presses a ConfirmButton and its confirming button `yes`; `then` is the
  // success banner expected, or `refused` the refusal expected beside it.
  async function confirm(page, button, yes, then, refused) {
    await page.getByRole('button', { name: button, exact: true }).click();
    if (refused) {
      await page.getByRole('button', { name: yes }).click();
      const said = page.getByRole('alert').filter({ hasText: refused });
      await said.waitFor({ timeout: 5000 })
        .catch(() => fail(`"${button}" was not refused with "${refused}"`));
      await page.getByRole('button', { name: 'Keep it' }).click();
      return;
    }
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: yes }).click()]);
    await success(page, then);
  }

  // Fills what is given of the activity form.
  async function activityForm(page, { kind, title, day, start, end, peers, participants }) {
    if (kind) await page.getByLabel(kind, { exact: true }).check();
    if (title !== undefined) await page.getByLabel('What it is').fill(title);
    if (day) await page.getByLabel(new RegExp(`^Day ${day}:`)).check();
    if (start !== undefined) await page.getByLabel('Starts at').fill(start);
    if (end !== undefined) await page.getByLabel('Ends at').fill(end);
    for (const peer of peers ?? []) await page.getByLabel(peer, { exact: true }).check();
    for (const [i, { role, organisation, count }] of (participants ?? []).entries()) {
      await page.getByRole('button', { name: /^Add (a|another) participant$/ }).click();
      const row = page.getByRole('group', { name: `Participant ${i + 1}`, exact: true });
      await row.getByLabel('Role', { exact: true }).fill(role);
      await row.getByLabel('Organisation').selectOption({ label: organisation });
      if (count) await row.getByLabel('Number of people').fill(String(count));
    }
  }

  // The text of the file the link downloads.
  async function download(page, link) {
    const [file] = await Promise.all([page.waitForEvent('download'),
                                      page.getByRole('link', { name: link }).click()]);
    return readFile(await file.path(), 'utf8');
  }

  return { fillDate, addPeer, startHealthCheck, addToTeam, invite, stage, confirm, activityForm,
           download };
}

export function peerEmail({ name, organisation }) {
  return `${name.split(' ')[0].toLowerCase()}@${organisation.split(' ')[0].toLowerCase()}.example`;
}
