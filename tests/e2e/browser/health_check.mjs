// The health check scenario of health_check_scenario_test.sh, lived by its
// people in Debian's chromium with nothing but their browsers:
//
//   node health_check.mjs BASE OUT FIRST_LEAD_LINK PASSWORD NOTES_DIR
//
// - The first programme lead sets their password with the first start's
//   link, adds the Anytown partnership and four peers, starts a health
//   check whose fieldwork ran over the last three days, sets its dates,
//   issue and team (a lead peer, two peers, a shadow), invites them and
//   the partnership's contact, and sets up and opens the questionnaire
//   with six invitations, whose links they download.
// - Six partners answer it in their browsers; the lead peer closes it and
//   reads its results.
// - The lead peer records two documents and plans nine activities over the
//   three days (a clash refused in words). Sam, a shadow, reads the plan,
//   the findings and the documents and is offered no writing;
//   the programme lead takes him off the team, and the lead peer, changing
//   the activity he was to attend, must untick him. The programme lead
//   starts fieldwork; the lead peer marks the nine activities held.
// - The three peers log the 60 notes of NOTES_DIR in their own browsers,
//   each from its activity or document, tagged by typing statement numbers.
//   Pete's venue has no signal on the afternoon of day 2: he writes seven
//   notes offline and closes his browser; back online, his browser's first
//   upload loses its reply after the server made the note. Every note
//   reaches the server once, with its tags, Pete's in the order written.
// - Triangulation flags principle 6, which only the questionnaire speaks
//   to, and no other.
// - The team drafts 8 findings from notes and results and 5
//   recommendations; a peer is offered no agreeing; the lead peer agrees
//   all 13 and gives the day-3 feedback, which names the response and
//   every finding.
// - The lead peer begins the report; a peer generates version 1 and submits
//   it for the team's review; another comments on a section; the lead peer
//   sends it for the partnership's check; the contact reads the draft
//   (marked DRAFT) and comments; a peer is offered no publishing; the lead
//   peer publishes it; the contact downloads the PDF, which holds every
//   section, finding and recommendation and no longer says DRAFT.
// - The contact turns the five recommendations into actions and updates
//   two; the lead peer reads the plan and is not offered approving it; the
//   programme lead approves it (two check-ins scheduled).
// - The programme lead adds a second partnership whose fieldwork is
//   overdue, and the home page's dashboard shows it, and the report's
//   turnaround.
//
// Each kind of page met passes axe-core at 1280 px (pages.mjs); its
// screenshot goes to OUT. The same pages at 320 px and 200% zoom are the
// web app's journeys' (journeys.mjs, team.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, launchChromiumWithProfile } from './launch.mjs';
import { drained, notesOnServer } from './notes.mjs';
import { failer, pageChecks } from './pages.mjs';
import { answer } from './respondent.mjs';
import { peerEmail, steps } from './steps.mjs';

const [base, out, firstLeadLink, password, notesDir] = process.argv.slice(2);
const fail = failer('health check in browsers');
const { check, signIn, setPassword, submit, success, fieldError } = pageChecks({ base, out, fail });
const { fillDate, addPeer, startHealthCheck, addToTeam, invite, stage, confirm, activityForm,
        download } = steps({ base, fail, submit, success });

const leadEmail = 'lead@example.org';
const partnership = 'Anytown Community Safety Partnership';
const members = [['Anytown Council', 'Local government'], ['Anytown NHS Trust', 'Health'],
                 ['Shire Police', 'Police'], ['Shire Fire and Rescue', 'Fire and rescue'],
                 ['Anytown Voluntary Action', 'Voluntary and community']];
const team = {
  lena: { name: 'Lena Lead', organisation: 'Northshire Council', sector: 'Local government',
          role: 'Lead peer' },
  pete: { name: 'Pete Police', organisation: 'Westshire Police', sector: 'Police', role: 'Peer' },
  hana: { name: 'Hana Health', organisation: 'Southshire NHS', sector: 'Health', role: 'Peer' },
  sam: { name: 'Sam Shadow', organisation: 'Eastshire Fire and Rescue', sector: 'Fire and rescue',
         role: 'Shadow' },
};
const contact = { name: 'Chris Contact', email: 'chris@anytown.example' };
const member = (name) => {
  const [, sector] = members.find(([m]) => m === name);
  return `${name} (${sector.toLowerCase()})`;
};

// The plan of the three days: key, activity, the peers who attend and who
// takes part (role, organisation, how many).
const activities = [
  ['a1', { kind: 'Interview', title: 'Chair of the partnership board', day: 1, start: '09:00',
           end: '10:00', peers: ['lena', 'pete'], participants: [['Chair', 'Anytown Council']] }],
  ['a2', { kind: 'Focus group', title: 'Community safety officers', day: 1, start: '10:30',
           end: '12:00', peers: ['hana'],
           participants: [['Officer', 'Anytown Council', 6],
                          ['Neighbourhood sergeant', 'Shire Police', 2]] }],
  ['a3', { kind: 'Meeting observed', title: 'Partnership board meeting', day: 1,
           start: '14:00', end: '16:00', peers: ['lena', 'pete', 'hana'],
           participants: [['Board member', 'Anytown NHS Trust', 3],
                          ['Board member', 'Shire Police', 2]] }],
  ['a4', { kind: 'Interview', title: 'Director of public health', day: 2, start: '09:00',
           end: '10:00', peers: ['lena'], participants: [['Director', 'Anytown NHS Trust']] }],
  ['a5', { kind: 'Interview', title: 'Chief inspector', day: 2, start: '09:00', end: '10:30',
           peers: ['pete'], participants: [['Chief inspector', 'Shire Police']] }],
  ['a6', { kind: 'Focus group', title: 'Voluntary sector forum', day: 2, start: '13:30',
           end: '15:00', peers: ['pete', 'hana'],
           participants: [['Volunteer lead', 'Anytown Voluntary Action', 8]] }],
  ['a7', { kind: 'Site visit', title: 'Night-time economy hub', day: 2, start: '15:30',
           end: '17:00', peers: ['pete'],
           participants: [['Station manager', 'Shire Fire and Rescue', 2]] }],
  ['a8', { kind: 'Focus group', title: 'Front-line staff', day: 3, start: '09:00', end: '10:30',
           peers: ['lena', 'hana', 'sam'],
           participants: [['Nurse', 'Anytown NHS Trust', 5],
                          ['Firefighter', 'Shire Fire and Rescue', 3]] }],
  ['a9', { kind: 'Interview', title: 'Voluntary sector chief officer', day: 3, start: '11:00',
           end: '12:00', peers: ['pete'],
           participants: [['Chief officer', 'Anytown Voluntary Action']] }],
];
const documents = [['d1', 'Community safety strategy 2025-28', 'Anytown Council'],
                   ['d2', 'Strategic assessment 2026', 'Shire Police']];

// who, kind, title, principles, principles whose results bear it out,
// narrative, words of the notes that bear it out.
const findings = [
  ['lena', 'Strength', 'Partners understand why they need each other', ['1', '4'], ['1'],
   'Partners can say what each brings and what they achieve only together; the night-time ' +
   'economy hub shows it in practice.',
   ['depends on the others', 'share one control room', 'credits the partnership with a fall']],
  ['hana', 'Strength', 'A shared vision that the voluntary sector owns too', ['2'], [],
   'The vision is written down, signed by every partner and told back to us in their own ' +
   'words by voluntary groups.', ['one vision signed', 'in its own words', 'Voluntary groups know why']],
  ['lena', 'Area for development',
   'Priorities are not known on the front line, and outcomes are not measured', ['2', '6'], [],
   'Front-line staff could not name the priorities, and the strategy sets no outcome with a ' +
   'baseline, so progress cannot be shown.',
   ["could not name the partnership's priorities", 'no measurable outcomes', 'has a baseline']],
  ['pete', 'Strength', 'Senior leaders are visibly committed', ['3'], ['3'],
   'Chief executives attend the board in person and commit staff; staff see their leaders at ' +
   'joint briefings.',
   ['every chief executive attends', 'committed staff to the night-time', 'chairs the tasking group']],
  ['pete', 'Area for development', 'Ownership rests with senior managers and a few individuals',
   ['3'], [],
   'Officers and small charities feel the partnership belongs to others, and it relies on two ' +
   'well-connected people.',
   ['belongs to senior managers', 'two well-connected', 'ownership sits with the statutory']],
  ['hana', 'Strength', 'Trust between front-line services is strong', ['4'], [],
   "Staff know each other by name, share cases the same day and cover each other's shifts.",
   ['know each other by name', 'same day', 'Door staff radio']],
  ['pete', 'Area for development', 'Data sharing lags behind relationships', ['4'], [],
   'Without a signed protocol, health waits weeks for police data and officers cannot see ' +
   'council cases.',
   ['signed protocol', 'waits weeks', 'anti-social behaviour cases', 'a year older']],
  ['lena', 'Area for development',
   'Governance does not connect the front line and the voluntary sector to the board', ['5'], [],
   "Nobody owns the risk register, the forum's minutes never reach the board and the sector " +
   'has no seat on the executive group.',
   ['risk register', 'minutes never reach', 'no seat on the executive', 'how to raise an issue']],
];
// priority, text, the findings it answers (F numbers).
const recommendations = [
  ['High', 'Agree three measurable outcomes with baselines and brief every front-line team on them.', [3]],
  ['High', 'Sign a data-sharing protocol between police, health and the council within three months.', [7]],
  ['Medium', 'Give the voluntary sector a seat on the executive group and a route from the forum to the board.', [8]],
  ['Medium', 'Name a partnership lead in every partner organisation and plan for succession.', [5]],
  ['Low', 'Use the night-time economy hub as the model for joint working on the next priority.', [1, 6]],
];
// The contact's actions: owner, days until due, title.
const actions = [
  ['Anytown Council', 60, 'Agree three outcome measures with baselines; brief every team'],
  ['Shire Police', 90, 'Sign the police, health and council data-sharing protocol'],
  ['Anytown Voluntary Action', 120, 'Voluntary sector seat on the executive group'],
  ['Anytown NHS Trust', 150, 'A named partnership lead in every partner, with a deputy'],
  ['Shire Fire and Rescue', 180, 'Take the night-time economy hub model to the next priority'],
];

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const heading = (page, name) => page.getByRole('heading', { name, level: 1 }).waitFor();

// A person signed in, in a browser `context` of their own; with their
// set-password link, they first set their password (the first programme
// lead giving their email too).
async function signedIn(context, email, link, { first = false } = {}) {
  const page = await context.newPage();
  if (link) await setPassword(page, link, password, first ? email : undefined);
  await signIn(page, email, password);
  return { context, page };
}

// --- The programme lead sets the health check up ----------------------------
async function setUp(lead) {
  const { page } = lead;
  await page.goto(`${base}/app/partnerships/new`);
  await page.getByLabel('Name', { exact: true }).fill(partnership);
  await page.getByLabel('Kind of partnership').selectOption({ label: 'Community safety partnership' });
  for (let i = 0; i < members.length; i++) {
    if (i > 0) await page.getByRole('button', { name: 'Add another organisation' }).click();
    await page.getByLabel(`Organisation ${i + 1}`, { exact: true }).fill(members[i][0]);
    await page.getByLabel(`Sector of organisation ${i + 1}`).selectOption({ label: members[i][1] });
  }
  await submit(page, 'Add the partnership');
  await success(page, `${partnership} is added`);
  const partnershipPath = new URL(page.url()).pathname;
  await check(page, 'twin-partnership');
  for (const peer of Object.values(team)) {
    await addPeer(page, { ...peer, accredited: -700, expires: 3000 });
  }

  const at = await startHealthCheck(page, partnershipPath, 'Developmental');
  // Fieldwork ran over the last three days; day 3 is today.
  await page.goto(`${base}${at}/dates`);
  await fillDate(page, 'Questionnaire open', -30);
  await fillDate(page, 'Questionnaire close', -3);
  await fillDate(page, 'Fieldwork day 1', -2);
  await fillDate(page, 'Fieldwork day 2', -1);
  await fillDate(page, 'Fieldwork day 3', 0);
  await submit(page, 'Save the dates');
  await success(page, 'The key dates are saved');
  await page.goto(`${base}${at}/scoping`);
  await page.getByLabel('Issues the health check should look at')
    .fill('Do partners share one picture of community safety?');
  await submit(page, 'Save the scoping record');
  await success(page, 'The scoping record is saved');
  for (const peer of Object.values(team)) {
    await addToTeam(page, at, `${peer.name}, ${peer.organisation}`, peer.role);
    await success(page, `${peer.name} is on the team as ${peer.role.toLowerCase()}`);
  }
  const links = {};
  for (const [key, peer] of Object.entries(team)) {
    links[key] = await invite(page, peer.name, peerEmail(peer), 'Peer',
                              { label: 'Which peer they are',
                                option: `${peer.name}, ${peer.organisation}` });
  }
  links.contact = await invite(page, contact.name, contact.email, 'Partnership contact',
                               { label: 'Their partnership', option: partnership });

  await stage(page, at, 'Begin desk research');
  await success(page, 'Desk research has begun');
  await page.goto(`${base}${at}/questionnaire`);
  await page.getByLabel('Benchmark').selectOption({ label: 'Partnership Assessment Tool (version 1)' });
  await fillDate(page, 'Opens on', 1);
  await fillDate(page, 'Closes on', 14);
  await submit(page, 'Set up the questionnaire');
  await success(page, 'The questionnaire is set up');
  await page.getByText('5 respondents', { exact: true }).waitFor({ timeout: 5000 })
    .catch(() => fail('the smallest group shown is not 5'));
  await stage(page, at, 'Open the questionnaire');
  await success(page, 'The questionnaire stage has begun');
  await page.goto(`${base}${at}/questionnaire/invitations`);
  await page.getByLabel('CSV file').setInputFiles({
    name: 'invitations.csv', mimeType: 'text/csv', buffer: Buffer.from(
      'organisation,level,count\nAnytown Council,board,2\nAnytown NHS Trust,management,2\n' +
      'Shire Police,front_line,2\n') });
  await page.getByRole('button', { name: 'Create the invitations' }).click();
  await page.getByRole('heading', { name: '6 invitations created' }).waitFor();
  const csv = await download(page, 'Download the links (CSV file)');
  const respondents = csv.trim().split('\r\n').slice(1)
    .map((row) => row.split(',').pop().replace(/^"(.*)"$/, '$1'));
  if (respondents.length !== 6 || !respondents.every((l) => l.startsWith(`${base}/q/`))) {
    fail(`the links are not 6 of this server's: ${csv}`);
  }
  // Who is invited is fixed when it opens: opened now, it takes no more.
  await page.goto(`${base}${at}/questionnaire`);
  await confirm(page, 'Open the questionnaire now', 'Yes, open it: no more invitations can be added',
                'The questionnaire is open');
  await page.getByRole('button', { name: 'Close the questionnaire now' }).waitFor();
  if (await page.getByRole('link', { name: 'Add invitations' }).count() !== 0) {
    fail('an open questionnaire still offers "Add invitations"');
  }
  return { at, links, respondents };
}

// --- The lead peer: the questionnaire closed, documents, the plan --------------
async function closeQuestionnaire(lena, at) {
  const { page } = lena;
  await page.goto(`${base}${at}/questionnaire`);
  await confirm(page, 'Close the questionnaire now', 'Yes, close it: no more answers are taken',
                'The questionnaire is closed');
  await page.getByRole('link', { name: 'See the results' }).click();
  await heading(page, 'Questionnaire results');
  await page.getByText('6 people answered.').waitFor({ timeout: 5000 })
    .catch(() => fail('the results do not say 6 people answered'));
  await check(page, 'twin-results');
}

async function planFieldwork(lena, at) {
  const { page } = lena;
  for (const [, title, from] of documents) {
    await page.goto(`${base}${at}/documents/new`);
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Where it came from (optional)').fill(from);
    await submit(page, 'Record the document');
    await success(page, `"${title}" is recorded`);
  }
  await check(page, 'twin-documents');
  for (const [, activity] of activities) {
    await page.goto(`${base}${at}/fieldwork/new`);
    await activityForm(page, {
      ...activity, peers: activity.peers.map((key) => team[key].name),
      participants: activity.participants.map(([role, organisation, count]) =>
        ({ role, organisation: member(organisation), count })) });
    await submit(page, 'Plan the activity');
    await success(page, `"${activity.title}" is planned for day ${activity.day}`);
  }
  // Lena cannot be at the board meeting and at another interview at once.
  await page.goto(`${base}${at}/fieldwork/new`);
  await activityForm(page, { kind: 'Interview', title: 'Council leader', day: 1, start: '15:00',
                             end: '15:30', peers: ['Lena Lead'] });
  await page.getByRole('button', { name: 'Plan the activity' }).click();
  await fieldError(page, 'peers', 'Lena Lead (Northshire Council) is already at ' +
                   '"Partnership board meeting" on day 1 from 14:00 to 16:00');
}

// Sam, a shadow, reads the team's pages and is offered no writing.
async function shadowReads(sam, at) {
  const { page } = sam;
  const none = async (path, heading, name) => {
    await page.goto(`${base}${at}${path}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    if (await page.getByRole(name.startsWith('Change') ? 'link' : 'button', { name }).count()) {
      fail(`a shadow is offered "${name}" on ${heading}`);
    }
  };
  await none('/fieldwork', 'Fieldwork plan', 'Plan an activity');
  await page.getByText('09:00 to 10:30: Front-line staff').waitFor();
  if (await page.getByRole('link', { name: /^Change / }).count()) fail('a shadow is offered a change');
  await check(page, 'twin-shadow-fieldwork');
  await none('/findings', 'Findings and recommendations', 'Draft a finding');
  await none('/documents', 'Desk research', 'Record a document');
}

// The programme lead takes Sam off the team. His place at the front-line
// focus group is then shown as someone no longer on the team, which the
// lead peer must untick to change the activity.
async function departs(lead, lena, at) {
  await lead.page.goto(`${base}${at}`);
  await Promise.all([lead.page.waitForNavigation(),
                     lead.page.getByRole('link', { name: 'Remove Sam Shadow' }).click()]);
  await submit(lead.page, 'Remove from the team');
  await success(lead.page, 'Sam Shadow is no longer on the team');
  const { page } = lena;
  await page.goto(`${base}${at}/fieldwork`);
  await page.getByRole('link', { name: 'Change Front-line staff, day 3' }).click();
  const gone = page.getByRole('checkbox', { name: 'Someone no longer on the team' });
  if (!(await gone.isChecked())) fail("Sam's place is not shown as someone no longer on the team");
  await page.getByLabel('Where (optional)').fill('Fire station, Mill Lane');
  await page.getByRole('button', { name: 'Save the change' }).click();
  await fieldError(page, 'peers', 'Sam Shadow (Eastshire Fire and Rescue) is not on the team');
  await check(page, 'twin-activity-departed');
  await gone.uncheck();
  await submit(page, 'Save the change');
  await success(page, '"Front-line staff" is changed');
}

async function markHeld(lena, at) {
  const { page } = lena;
  await page.goto(`${base}${at}/fieldwork`);
  for (const [, { title, day }] of activities) {
    await confirm(page, `Mark as held ${title}, day ${day}`, 'Yes, it was held',
                  `"${title}" is marked as held`);
  }
  await check(page, 'twin-fieldwork');
}

// --- Sixty notes, the way they were written ----------------------------------
async function notesOf(part) {
  const lines = (await readFile(join(notesDir, `${part}.notes`), 'utf8')).trim().split('\n');
  return lines.map((line) => {
    const [who, from, tags, polarity, text] = line.split('|');
    return { who, from, tags: tags.split(' '), polarity, text };
  });
}

// The capture form's label of each source.
const sourceLabels = new Map([
  ...activities.map(([key, a]) => [key, new RegExp(`^Day ${a.day}, ${a.start}: ${escaped(a.title)} \\(`)]),
  ...documents.map(([key, title]) => [key, new RegExp(`^${escaped(title)}$`)]),
]);

async function openCapture(peer, at) {
  await peer.page.goto(`${base}${at}/notes/new`);
  await heading(peer.page, 'Add a note');
  await peer.page.locator('#source option').nth(activities.length + documents.length)
    .waitFor({ state: 'attached' });
}

// Writes a note as its peer would, and waits until the form is cleared for
// the next one (the note is then kept in the browser, uploaded or not).
async function write(peer, { from, tags, polarity, text }) {
  const { page } = peer;
  const option = page.locator('#source option').filter({ hasText: sourceLabels.get(from) });
  await page.getByLabel('Heard or seen at').selectOption(await option.getAttribute('value'));
  await page.getByLabel('What was said or seen').fill(text);
  const box = page.getByLabel(/^Principles or statements/);
  for (const tag of tags) {
    await box.fill(tag);
    await box.press('Enter');
    await page.getByRole('button', { name: `Remove ${tag}`, exact: true }).waitFor();
  }
  await page.getByLabel(polarity === 'positive' ? /^For/ : /^Against/).check();
  await page.getByRole('button', { name: 'Save the note' }).click();
  await page.waitForFunction(() => document.querySelector('#text')?.value === '', null,
                             { timeout: 10000 })
    .catch(() => fail(`${peer.name}'s note was not saved: ${text}`));
  peer.written.push(text);
}

async function logNotes(peers, notes) {
  for (const note of notes) await write(peers[note.who], note);
}

async function sixtyNotes(peers, at, profile) {
  const { pete } = peers;
  const all = {};
  for (const part of ['day1', 'day2am', 'pete-offline', 'day2pm', 'day3']) {
    all[part] = await notesOf(part);
  }
  for (const peer of Object.values(peers)) await openCapture(peer, at);
  await check(peers.lena.page, 'twin-capture');
  await logNotes(peers, all.day1);
  await logNotes(peers, all.day2am);

  // Pete's afternoon: the venue has no signal. His morning is uploaded and
  // the app kept for opening offline; he writes on, then closes the browser.
  await drained(pete.page, `${base}${at}/notes/new`, 'pete', { check, fail });
  await pete.page.evaluate(() => navigator.serviceWorker.ready);
  await pete.context.setOffline(true);
  await logNotes(peers, all['pete-offline']);
  await pete.page.getByText(/^7 notes are waiting to upload/).waitFor({ timeout: 5000 })
    .catch(() => fail("Pete's browser does not say 7 notes are waiting"));
  await check(pete.page, 'twin-capture-offline');
  await pete.context.close();
  // Meanwhile Lena and Hana log theirs.
  await logNotes(peers, all.day2pm);
  for (const key of ['lena', 'hana']) {
    await drained(peers[key].page, `${base}${at}/notes/new`, key, { check, fail });
  }
  const meanwhile = await notesOnServer(peers.lena.page, engagementOf(at));
  if (meanwhile.length !== 29) fail(`${meanwhile.length} notes on the server while Pete is offline, not 29`);

  // Back at the hotel, online: the first upload's reply is lost after the
  // server made the note; sent again, it is made once.
  pete.context = await launchChromiumWithProfile(profile, { bypassCSP: true });
  let lost = 0;
  await pete.context.route('**/healthcheck.v1.EvidenceService/CreateNote', async (route) => {
    await route.fetch();
    lost += 1;
    await route.abort('connectionreset');
  }, { times: 1 });
  pete.page = await pete.context.newPage();
  await drained(pete.page, `${base}${at}/notes`, 'pete', { check, fail });
  if (lost !== 1) fail(`no upload of Pete's lost its reply (${lost})`);
  await openCapture(pete, at);
  await logNotes(peers, all.day3);
  for (const [key, peer] of Object.entries(peers)) {
    await drained(peer.page, `${base}${at}/notes`, key, { check, fail });
  }

  // Every note once, with its tags; Pete's offline ones in the order written.
  const held = await notesOnServer(peers.hana.page, engagementOf(at));
  if (held.length !== 60) fail(`the server holds ${held.length} notes, not 60`);
  for (const note of Object.values(all).flat()) {
    const copies = held.filter((n) => n.text === note.text);
    if (copies.length !== 1) fail(`${copies.length} copies of: ${note.text}`);
    if (copies[0].tags.join(' ') !== note.tags.join(' ')) {
      fail(`"${note.text}" is tagged ${copies[0].tags}, not ${note.tags}`);
    }
  }
  const offline = all['pete-offline'].map((n) => n.text);
  const order = held.map((n) => n.text).filter((t) => offline.includes(t));
  if (JSON.stringify(order) !== JSON.stringify(offline)) fail(`Pete's notes out of order: ${order}`);
  await check(peers.hana.page, 'twin-notes');
  return lost;
}

const engagementOf = (at) => at.replace(/^\/app\//, '');

// --- Triangulation, findings and recommendations -------------------------------
async function triangulation(lena, at) {
  const { page } = lena;
  await page.goto(`${base}${at}/triangulation`);
  await heading(page, 'Triangulation');
  const flags = page.getByRole('region', { name: 'Flags' });
  await flags.getByRole('row').filter({ hasText: /^6\. / }).getByText('Questionnaire only')
    .waitFor({ timeout: 5000 }).catch(() => fail('principle 6 is not flagged questionnaire only'));
  const only = await flags.getByRole('row').filter({ hasText: 'Questionnaire only' }).count();
  if (only !== 1) fail(`${only} principles are flagged questionnaire only, not principle 6 alone`);
  // Each note is tagged to one principle: the principles' counts add up to 60.
  const counts = await flags.getByRole('row').locator('td:nth-child(2)').allTextContents();
  const total = counts.reduce((sum, n) => sum + Number(n), 0);
  if (total !== 60) fail(`the principles count ${total} notes, not 60: ${counts}`);
  await check(page, 'twin-triangulation');
}

async function draftFindings(peers, at) {
  for (const [n, [who, kind, title, principles, results, narrative, words]] of findings.entries()) {
    const { page } = peers[who];
    await page.goto(`${base}${at}/findings/new`);
    await page.getByLabel(kind, { exact: true }).check();
    await page.getByLabel('The finding in one line').fill(title);
    await page.getByLabel('What the team found').fill(narrative);
    for (const p of principles) {
      await page.getByRole('checkbox', { name: new RegExp(`^${p}\\. `) }).check();
    }
    for (const word of words) {
      await page.getByRole('checkbox', { name: new RegExp(escaped(word)) }).check();
    }
    for (const p of results) {
      await page.getByRole('checkbox', { name: new RegExp(`^Results for ${p}\\. `) }).check();
    }
    if (n === 0) await check(page, 'twin-finding-form');
    await submit(page, 'Draft the finding');
    await success(page, `F${n + 1} is drafted`);
  }
  const { page } = peers.hana;
  for (const [n, [priority, text, answers]] of recommendations.entries()) {
    await page.goto(`${base}${at}/recommendations/new`);
    await page.getByLabel('What the team recommends').fill(text);
    await page.getByLabel(priority, { exact: true }).check();
    for (const f of answers) await page.getByRole('checkbox', { name: new RegExp(`^F${f} `) }).check();
    await submit(page, 'Draft the recommendation');
    await success(page, `R${n + 1} is drafted`);
  }
}

async function agree(peers, at) {
  const { page } = peers.pete;
  await page.goto(`${base}${at}/findings`);
  await page.getByRole('button', { name: 'Withdraw F4' }).waitFor();
  if (await page.getByRole('button', { name: /^Agree / }).count()) fail('a peer is offered Agree');
  const lena = peers.lena.page;
  await lena.goto(`${base}${at}/findings`);
  const labels = [...findings.map((_, i) => `F${i + 1}`), ...recommendations.map((_, i) => `R${i + 1}`)];
  for (const label of labels) {
    await confirm(lena, `Agree ${label}`, `Yes, agree ${label}`, `${label} is agreed`);
  }
  await lena.getByText('8 of 8 findings and 5 of 5 recommendations agreed.').waitFor({ timeout: 5000 })
    .catch(() => fail('the findings page does not count 8 and 5 agreed'));
  await check(lena, 'twin-findings');
}

// --- The day-3 feedback --------------------------------------------------------
async function feedback(lena, at) {
  const { page } = lena;
  await page.goto(`${base}${at}/feedback`);
  await page.getByText('This is a draft').waitFor();
  await page.getByRole('button', { name: 'Give the feedback' }).click();
  await page.getByLabel('Closing remarks (optional)').fill(
    'Thank you for hosting us so openly. The written report will follow within four weeks.');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: /^Confirm/ }).click()]);
  await success(page, 'The initial feedback is recorded as given');
  await page.goto(`${base}${at}/feedback`);
  await page.getByText(/^Given on .* by Lena Lead/).waitFor();
  const text = await page.locator('main').textContent();
  if (!text.includes('6 of the 6 partners invited answered')) {
    fail(`the feedback does not give the response: ${text.slice(0, 600)}`);
  }
  for (const [n, [, , title]] of findings.entries()) {
    if (!text.includes(`F${n + 1}`) || !text.includes(title)) fail(`the feedback lacks F${n + 1} ${title}`);
  }
  await check(page, 'twin-feedback');
}

// --- The written report: reviewed, checked by the partnership, published --------
async function report(peers, chris, at) {
  const version = `${at}/reports/1`;
  await stage(peers.lena.page, at, 'Begin the written report');
  await success(peers.lena.page, 'The written report stage has begun');
  const hana = peers.hana.page;
  await hana.goto(`${base}${at}/reports`);
  await Promise.all([hana.waitForNavigation(),
                     hana.getByRole('button', { name: 'Generate a new version' }).click()]);
  await success(hana, 'Version 1 is generated as a draft');
  await confirm(hana, "Submit for the team's review", 'Yes, submit it',
                'Version 1 is with the team for review');
  const pete = peers.pete.page;
  await pete.goto(`${base}${version}`);
  const sections = pete.getByLabel('Which part of the report it is about');
  await sections.locator('option').nth(3).waitFor({ state: 'attached' });
  const offered = await sections.locator('option').allTextContents();
  const findingsSection = offered.find((s) => /Findings/.test(s));
  if (!findingsSection) fail(`no section of findings is offered for comment: ${offered}`);
  await sections.selectOption({ label: findingsSection });
  await pete.getByLabel('Your comment').fill('F6 should name the delivery group.');
  await submit(pete, 'Add the comment');
  await success(pete, `Your comment on "${findingsSection}" is added`);
  await check(pete, 'twin-report-review');
  const lena = peers.lena.page;
  await lena.goto(`${base}${version}`);
  await confirm(lena, 'Send to the partnership for the factual-accuracy check', 'Yes, send it',
                'Version 1 is with the partnership for the factual-accuracy check');

  // The contact reads the draft and comments.
  const { page } = chris;
  await page.goto(`${base}${version}`);
  await heading(page, 'Version 1 of the report');
  const read = page.getByRole('link', { name: /Read version 1 in the browser/ });
  const draft = await page.request.get(new URL(await read.getAttribute('href'), base).href);
  if (draft.status() !== 200 || !(await draft.text()).includes('DRAFT')) {
    fail(`the draft is not there to read, marked DRAFT (${draft.status()})`);
  }
  const parts = page.getByLabel('Which part of the report it is about');
  await parts.locator('option').nth(3).waitFor({ state: 'attached' });
  const first = (await parts.locator('option').allTextContents())[1];
  await parts.selectOption({ label: first });
  await page.getByLabel('Your comment').fill('Anytown Voluntary Action joined the board in 2025, not 2024.');
  await submit(page, 'Add the comment');
  await success(page, `Your comment on "${first}" is added`);
  await check(page, 'twin-report-check');

  await hana.goto(`${base}${version}`);
  await hana.getByText('Anytown Voluntary Action joined the board in 2025').waitFor();
  if (await hana.getByRole('button', { name: 'Publish this version' }).count()) {
    fail('a peer is offered publishing');
  }
  await lena.goto(`${base}${version}`);
  await confirm(lena, 'Publish this version', 'Yes, publish it for good', 'Version 1 is published');

  await page.goto(`${base}${at}/reports`);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Download version 1 as a PDF/ }).click(),
  ]);
  const pdf = join(out, 'twin-report.pdf');
  await writeFile(pdf, await readFile(await file.path()));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ');
  if (text.includes('DRAFT')) fail('the published report still says DRAFT');
  for (const title of ['How we worked', 'What the questionnaire said', 'Findings by principle',
                       'Recommendations', 'Annex', ...findings.map((f) => f[2]),
                       ...recommendations.map((r) => r[1])]) {
    if (!text.includes(title)) fail(`the PDF lacks: ${title}`);
  }
  await check(page, 'twin-reports-published');
  return pdf;
}

// --- The improvement plan --------------------------------------------------------
async function plan(chris, lena, lead, at) {
  const { page } = chris;
  for (const [n, [owner, due, title]] of actions.entries()) {
    await page.goto(`${base}${at}/plan/actions/new`);
    const answers = page.getByLabel('What it answers (optional)');
    const suggestion = answers.locator('option').filter({ hasText: new RegExp(`^R${n + 1}: `) });
    await suggestion.waitFor({ state: 'attached', timeout: 5000 })
      .catch(() => fail(`R${n + 1} is not offered as what an action answers`));
    await answers.selectOption({ label: await suggestion.textContent() });
    await page.getByLabel('What is to be done').fill(title);
    await page.getByLabel('By whom').selectOption({ label: owner });
    await fillDate(page, 'Due by', due);
    if (n === 0) await check(page, 'twin-action-new');
    await submit(page, 'Add the action');
    await success(page, `The action "${title}" is added`);
  }
  for (const [n, status, text, evidence] of [
    [2, 'No, but action is in hand', 'Draft protocol agreed by the three data owners.',
     'Minutes of the information governance group'],
    [3, 'Yes, but needs improving', "The executive group's terms of reference give the " +
     'voluntary sector a seat.', 'Revised terms of reference']]) {
    await page.goto(`${base}${at}/plan`);
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('link', { name: new RegExp(`^A${n} `) }).click()]);
    await page.getByLabel('What has happened').fill(text);
    await page.getByLabel('What shows it (optional)').fill(evidence);
    await page.getByLabel(status).check();
    await submit(page, 'Add the update');
    await success(page, 'Your progress update is added');
    await page.getByText(text).waitFor();
  }
  await check(page, 'twin-action');
  // The lead peer reads the plan (and may add to it); the programme lead
  // approves it.
  await lena.page.goto(`${base}${at}/plan`);
  await lena.page.getByRole('link', { name: /^A5 / }).waitFor();
  if (await lena.page.getByRole('button', { name: 'Approve the plan' }).count()) {
    fail('the lead peer is offered approving the plan');
  }
  await check(lena.page, 'twin-plan-team');
  await lead.page.goto(`${base}${at}/plan/approve`);
  await submit(lead.page, 'Confirm: approve the plan');
  await success(lead.page, 'The improvement plan is approved: follow-up has begun');
  const checkIns = lead.page.getByRole('link', { name: /^Record it as held/ });
  await checkIns.first().waitFor({ timeout: 5000 }).catch(() => fail('no check-in is scheduled'));
  if (await checkIns.count() !== 2) fail(`${await checkIns.count()} check-ins, not 2`);
  await check(lead.page, 'twin-plan');
}

// --- The programme's dashboard ------------------------------------------------------
async function dashboard(lead) {
  const { page } = lead;
  const late = 'Borough Health and Wellbeing Board';
  await page.goto(`${base}/app/partnerships/new`);
  await page.getByLabel('Name', { exact: true }).fill(late);
  await page.getByLabel('Kind of partnership').selectOption({ label: 'Health and wellbeing board' });
  await page.getByLabel('Organisation 1', { exact: true }).fill('Borough Council');
  await page.getByLabel('Sector of organisation 1').selectOption({ label: 'Local government' });
  await submit(page, 'Add the partnership');
  await success(page, `${late} is added`);
  const lateAt = await startHealthCheck(page, new URL(page.url()).pathname, 'Routine audit');
  await page.goto(`${base}${lateAt}/dates`);
  await fillDate(page, 'Fieldwork day 1', -10);
  await fillDate(page, 'Fieldwork day 2', -9);
  await fillDate(page, 'Fieldwork day 3', -8);
  await submit(page, 'Save the dates');
  await success(page, 'The key dates are saved');
  await page.goto(`${base}/`);
  const overdue = page.getByRole('table', { name: 'Overdue milestones' })
    .getByRole('row').filter({ hasText: late });
  await overdue.getByText('Fieldwork day 1').waitFor({ timeout: 5000 })
    .catch(() => fail(`the dashboard does not show ${late}'s fieldwork overdue`));
  await page.getByRole('table', { name: /^Report turnaround/ }).getByRole('row')
    .filter({ hasText: partnership }).getByText('On time').waitFor({ timeout: 5000 })
    .catch(() => fail("the dashboard does not show the report's turnaround, on time"));
  await check(page, 'twin-dashboard');
}

const browser = await launchChromium();
const fresh = () => browser.newContext({ bypassCSP: true, acceptDownloads: true });
// Pete's browser keeps its profile on disk, under OUT so that it goes with
// the test's files even if the test fails.
const profile = await mkdtemp(join(out, 'profile-'));
const peers = {};
try {
  const lead = await signedIn(await fresh(), leadEmail, firstLeadLink, { first: true });
  const { at, links, respondents } = await setUp(lead);
  for (const [i, link] of respondents.entries()) {
    await answer(browser, link, i % 2 + 1, { fail });  // agree / tend to agree
  }
  for (const key of ['lena', 'pete', 'hana']) {
    const peer = team[key];
    const context = key === 'pete' ? await launchChromiumWithProfile(profile, { bypassCSP: true })
                                   : await fresh();
    peers[key] = { ...await signedIn(context, peerEmail(peer), links[key]), name: peer.name,
                   written: [] };
  }
  await closeQuestionnaire(peers.lena, at);
  await planFieldwork(peers.lena, at);
  const sam = await signedIn(await fresh(), peerEmail(team.sam), links.sam);
  await shadowReads(sam, at);
  await departs(lead, peers.lena, at);
  await stage(lead.page, at, 'Start fieldwork');
  await success(lead.page, 'Fieldwork has started');
  await markHeld(peers.lena, at);
  const lost = await sixtyNotes(peers, at, profile);
  await triangulation(peers.lena, at);
  await draftFindings(peers, at);
  await agree(peers, at);
  await feedback(peers.lena, at);
  const chris = await signedIn(await fresh(), contact.email, links.contact);
  const pdf = await report(peers, chris, at);
  await plan(chris, peers.lena, lead, at);
  await dashboard(lead);
  console.log(`health check in browsers: 6 respondents, 9 activities, 60 notes once each ` +
              `(7 offline across a browser restart, ${lost} reply lost), 8 findings and ` +
              `5 recommendations agreed, feedback given, ${pdf} published, 5 actions, ` +
              'the plan approved; nobody used hcctl');
} finally {
  // The profile's browser first, so that nothing writes to it as it goes.
  await peers.pete?.context.close().catch(() => {});
  await browser.close();
  await rm(profile, { recursive: true, force: true });
}
