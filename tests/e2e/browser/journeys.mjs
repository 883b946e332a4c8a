// The journeys of the web app, in Debian's chromium, as people make them
// with nothing but a browser. One part per run, as the shell script that
// drives it (web_app_test.sh) sets the scene between parts:
//
//   lead BASE OUT LINK PASSWORD
//     The first programme lead opens the set-password link of the first
//     start, signs in, adds a partnership of five member organisations
//     (first with nothing filled in), four peers (one conflicted, one
//     expired: shown as expired, and both refused as full members with the
//     reason at the field), starts a health check, is refused a stage with
//     the guard's reason, sets its key dates, scoping record and team,
//     invites a partnership contact and two peers, sets up and opens the
//     questionnaire, uploads invitations and downloads their links.
//   contact BASE OUT LINK EMAIL PASSWORD
//     A partnership contact sets their password, signs in, finds the draft
//     report in the factual-accuracy check, reads it and comments on two
//     sections.
//   contact-plan BASE OUT EMAIL PASSWORD
//     After publication the contact downloads the PDF, adds two improvement
//     actions and a progress update.
//   lead-refused BASE OUT PASSWORD ENGAGEMENT
//     The programme lead's own browser asks for ENGAGEMENT's questionnaire
//     results and notes: both refused. The lead then approves the plan,
//     records its first check-in and verifies the action that works well.
//   lead-admin BASE OUT PASSWORD ENGAGEMENT CONTACT_EMAIL
//     The programme lead pages through more partnerships than a page holds;
//     looks at ENGAGEMENT's fieldwork, feedback and published report; removes
//     a peer from the first journey's health check and cancels it; looks at
//     a peer's page; makes a token, which then works, and revokes it, which
//     then does not; ends their other sessions, which signs that browser
//     out; suspends the contact, who is signed out and cannot sign in, and
//     reactivates them; meets an address with nothing at it.
//   peer BASE OUT LINK EMAIL PASSWORD ENGAGEMENT
//     A peer of ENGAGEMENT's team sets their password and captures evidence
//     notes: first with nothing filled in; one online, tagged by typing a
//     word, whose upload's reply is lost after the server made it; two with
//     the network off, the second after closing the tab and opening the app
//     again offline, which upload once it is back; a change whose reply is
//     lost; changes one note while someone else changed it, sees both side
//     by side and keeps their own; is warned at sign-out of a note the server
//     could not be reached for, and signing out deletes it with everything
//     else the browser kept. The script then counts the notes on the server.
//
// Every page met is checked (pages.mjs) at 1280 px, 320 px and 200% zoom,
// and its screenshots go to OUT.
import { readFile } from 'node:fs/promises';
import { launchChromium } from './launch.mjs';
import { failer, pageChecks } from './pages.mjs';
import { steps } from './steps.mjs';

const [part, base, out, ...args] = process.argv.slice(2);
const fail = failer(`journeys ${part}`);
const { check, look, signIn, setPassword, submit, success, fieldError } =
  pageChecks({ base, out, fail });
const { fillDate, addPeer, startHealthCheck, addToTeam, invite, stage } =
  steps({ base, fail, submit, success });

const leadEmail = 'lead@example.org';
const partnershipName = 'Anytown Community Safety Partnership';

async function leadJourney(browser, [link, password]) {
  const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  await setPassword(page, link, password, leadEmail);
  await signIn(page, leadEmail, password);
  await page.getByRole('heading', { name: 'Engagements', level: 1 }).waitFor();

  // A partnership: first with nothing filled in.
  await page.goto(`${base}/app/partnerships/new`);
  await page.getByRole('button', { name: 'Add the partnership' }).click();
  await fieldError(page, 'name', "Enter the partnership's name");
  await fieldError(page, 'kind', 'Choose what kind of partnership it is');
  await fieldError(page, 'member-0', 'Enter the name of organisation 1');
  await check(page, 'partnership-errors-1280');
  const members = [['Anytown Borough Council', 'Local government'], ['Shire Police', 'Police'],
                   ['Anytown NHS Trust', 'Health'], ['Shire Fire and Rescue', 'Fire and rescue'],
                   ['Anytown Voluntary Action', 'Voluntary and community']];
  await page.getByLabel('Name', { exact: true }).fill(partnershipName);
  await page.getByLabel('Kind of partnership').selectOption({ label: 'Community safety partnership' });
  await page.getByLabel('Area it serves (optional)').fill('Anytown and the Shire');
  for (let i = 0; i < members.length; i++) {
    if (i > 0) await page.getByRole('button', { name: 'Add another organisation' }).click();
    await page.getByLabel(`Organisation ${i + 1}`, { exact: true }).fill(members[i][0]);
    await page.getByLabel(`Sector of organisation ${i + 1}`).selectOption({ label: members[i][1] });
  }
  await check(page, 'partnership-form-1280');
  await submit(page, 'Add the partnership');
  await success(page, `${partnershipName} is added`);
  const partnershipPath = new URL(page.url()).pathname;
  for (const [member] of members) await page.getByText(member).first().waitFor();

  // Four peers: one works for a member organisation, one's accreditation
  // has ended.
  await addPeer(page, { name: 'Lena Lead', organisation: 'Northshire Council',
                        sector: 'Local government', accredited: -700, expires: 3000 });
  await addPeer(page, { name: 'Hari Health', organisation: 'Southshire NHS Trust',
                        sector: 'Health', accredited: -700, expires: 3000 });
  await addPeer(page, { name: 'Pat Police', organisation: 'Shire Police',
                        sector: 'Police', accredited: -700, expires: 3000 });
  await addPeer(page, { name: 'Eve Expired', organisation: 'Westshire Fire and Rescue',
                        sector: 'Fire and rescue', accredited: -1500, expires: -30 });
  await page.goto(`${base}/app/peers`);
  await page.getByRole('row', { name: /Eve Expired.*Expired/ }).waitFor();
  if (await page.getByRole('row', { name: /Lena Lead.*Expired/ }).count()) fail('Lena shown expired');
  await page.getByLabel('Home sector').selectOption({ label: 'Police' });
  await submit(page, 'Apply filters');
  await page.getByRole('row', { name: /Pat Police/ }).waitFor();
  if (await page.getByRole('row', { name: /Lena Lead/ }).count()) fail('the sector filter let Lena through');

  // The health check, refused a stage before it is scoped.
  const engagementPath = await startHealthCheck(page, partnershipPath, 'Developmental');
  await stage(page, engagementPath, 'Begin desk research');
  const refusal = await page.locator('.govuk-error-summary').textContent();
  if (!/issue|fieldwork|lead peer/.test(refusal)) fail(`the refusal does not say why: ${refusal}`);
  await check(page, 'stage-refused-1280');

  await page.goto(`${base}${engagementPath}/dates`);
  await fillDate(page, 'Questionnaire open', 0);
  await fillDate(page, 'Questionnaire close', 20);
  await fillDate(page, 'Fieldwork day 1', 40);
  await fillDate(page, 'Fieldwork day 2', 41);
  await fillDate(page, 'Fieldwork day 3', 42);
  await submit(page, 'Save the dates');
  await success(page, 'The key dates are saved');

  await page.goto(`${base}${engagementPath}/scoping`);
  await page.getByLabel('Issues the health check should look at').fill(
    'Is the vision shared by every partner?\nDo partners pool their budgets?');
  await page.getByLabel('Outcomes the partnership wants from it').fill('A plan the board owns');
  await page.getByLabel('Inform', { exact: true }).fill('Licensing team');
  await page.getByLabel('Involve', { exact: true }).fill('Police\nPublic health');
  await page.getByLabel('Be aware', { exact: true }).fill('Residents');
  await page.getByLabel('Keep on board', { exact: true }).fill('Councillors');
  await page.getByLabel('Arrangements').fill('Three days at the Town Hall.');
  await submit(page, 'Save the scoping record');
  await success(page, 'The scoping record is saved');
  await page.getByText('Do partners pool their budgets?').waitFor();

  // The team: the conflicted and the expired peer refused at the field.
  await addToTeam(page, engagementPath, 'Pat Police, Shire Police', 'Peer');
  await fieldError(page, 'peer', 'conflict of interest');
  await check(page, 'team-conflicted-1280');
  await addToTeam(page, engagementPath, 'Eve Expired, Westshire Fire and Rescue', 'Peer');
  await fieldError(page, 'peer', 'add them as a shadow instead');
  await check(page, 'team-expired-1280');
  await addToTeam(page, engagementPath, 'Lena Lead, Northshire Council', 'Lead peer');
  await success(page, 'Lena Lead is on the team as lead peer');
  await addToTeam(page, engagementPath, 'Hari Health, Southshire NHS Trust', 'Peer');
  await success(page, 'Hari Health is on the team as peer');
  await page.getByText('No lead peer or peer from the police sector').waitFor();

  // People: a partnership contact and two peers.
  await invite(page, 'Chris Contact', 'chris@anytown.gov.uk', 'Partnership contact',
               { label: 'Their partnership', option: partnershipName });
  await invite(page, 'Lena Lead', 'lena@northshire.gov.uk', 'Peer',
               { label: 'Which peer they are', option: 'Lena Lead, Northshire Council' });
  await invite(page, 'Hari Health', 'hari@southshire.nhs.uk', 'Peer',
               { label: 'Which peer they are', option: 'Hari Health, Southshire NHS Trust' });

  // Desk research, the questionnaire set up and opened, invitations.
  await stage(page, engagementPath, 'Begin desk research');
  await page.waitForURL(`${base}${engagementPath}`);
  await success(page, 'Desk research has begun');
  await page.goto(`${base}${engagementPath}/questionnaire`);
  await page.getByLabel('Benchmark').selectOption({ label: 'Partnership Assessment Tool (version 1)' });
  await fillDate(page, 'Opens on', 1);
  await fillDate(page, 'Closes on', 20);
  await check(page, 'questionnaire-setup-1280');
  await submit(page, 'Set up the questionnaire');
  await success(page, 'The questionnaire is set up');
  // Before it opens its set-up can change.
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: 'Change the set-up' }).click()]);
  await page.getByLabel('Smallest group shown').fill('6');
  await check(page, 'questionnaire-change-1280');
  await submit(page, 'Save changes');
  await success(page, "The questionnaire's set-up is changed");
  await page.getByText('6 respondents', { exact: true }).waitFor();
  await stage(page, engagementPath, 'Open the questionnaire');
  await page.waitForURL(`${base}${engagementPath}`);
  await success(page, 'The questionnaire stage has begun');

  await page.goto(`${base}${engagementPath}/questionnaire/invitations`);
  await page.getByRole('button', { name: 'Create the invitations' }).click();
  await fieldError(page, 'file', 'Choose a CSV file');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'invitations.csv', mimeType: 'text/csv', buffer: Buffer.from(
      'organisation,level,count\nAnytown Borough Council,board,3\nShire Police,front_line,4\n' +
      'Nowhere Council,board,1\n') });
  await page.getByRole('button', { name: 'Create the invitations' }).click();
  const csvError = await fieldError(page, 'file', 'Nowhere Council');
  await check(page, 'invitations-error-1280');
  // The real upload in a browser that keeps the app's content security
  // policy (the others lift it for axe-core): the links download under it.
  const strict = await browser.newContext({ acceptDownloads: true,
                                            storageState: await context.storageState() });
  const strictPage = await strict.newPage();
  await strictPage.goto(`${base}${engagementPath}/questionnaire/invitations`);
  await strictPage.getByLabel('CSV file').setInputFiles({
    name: 'invitations.csv', mimeType: 'text/csv', buffer: Buffer.from(
      'organisation,level,count\nAnytown Borough Council,board,3\nShire Police,front_line,4\n') });
  await strictPage.getByRole('button', { name: 'Create the invitations' }).click();
  await strictPage.getByRole('heading', { name: '7 invitations created' }).waitFor();
  const [download] = await Promise.all([
    strictPage.waitForEvent('download'),
    strictPage.getByRole('link', { name: 'Download the links (CSV file)' }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  const rows = csv.trim().split('\r\n');
  if (rows[0] !== 'organisation,level,link' || rows.length !== 8) fail(`links CSV: ${csv}`);
  if (!rows.slice(1).every((r) => r.includes(`${base}/q/`))) fail(`a row has no link: ${csv}`);
  await strict.close();
  // One more, to look at the page that offers the links.
  await page.getByLabel('CSV file').setInputFiles({
    name: 'one.csv', mimeType: 'text/csv',
    buffer: Buffer.from('organisation,level\nShire Police,management\n') });
  await page.getByRole('button', { name: 'Create the invitations' }).click();
  await page.getByRole('heading', { name: '1 invitation created' }).waitFor();
  await check(page, 'invitations-made-1280');
  await page.goto(`${base}${engagementPath}/questionnaire`);
  await page.getByRole('cell', { name: /^Withheld/ }).first().waitFor();
  // The dashboard on the home page gives no figure for it either.
  await page.goto(`${base}/`);
  const rate = page.getByRole('region', { name: 'Questionnaire response rates' })
    .getByRole('row', { name: new RegExp(partnershipName) });
  const rateText = await rate.textContent();
  if (!/withheld/i.test(rateText) || /\d/.test(rateText.replace(/fewer than \d+/, ''))) {
    fail(`the dashboard shows a figure of a withheld questionnaire: ${rateText}`);
  }

  // Every page, in every width.
  const state = await context.storageState();
  const ready = (heading) => (p) => p.getByRole('heading', { name: heading, level: 1 }).waitFor();
  const pages = [
    ['/', 'home', 'Engagements'],
    ['/app/engagements', 'engagements', 'Engagements'],
    ['/app/engagements/new', 'engagement-new', 'Start a health check'],
    [engagementPath, 'engagement', partnershipName],
    [`${engagementPath}/dates`, 'key-dates', 'Key dates'],
    [`${engagementPath}/scoping`, 'scoping', 'Scoping record'],
    [`${engagementPath}/team/add`, 'team-add', 'Add someone to the review team'],
    [`${engagementPath}/stage/fieldwork`, 'stage-check', 'Check before you start fieldwork'],
    [`${engagementPath}/stage/cancel`, 'cancel-check', 'Check before you cancel the health check'],
    [`${engagementPath}/history`, 'history', 'History of its stages'],
    [`${engagementPath}/questionnaire`, 'questionnaire', 'Questionnaire'],
    [`${engagementPath}/questionnaire/invitations`, 'invitations', 'Add invitations'],
    [`${engagementPath}/reports`, 'reports-none', 'Written reports'],
    ['/app/partnerships', 'partnerships', 'Partnerships'],
    ['/app/partnerships/new', 'partnership-new', 'Add a partnership'],
    [partnershipPath, 'partnership', partnershipName],
    [`${partnershipPath}/edit`, 'partnership-edit', 'Change the partnership'],
    ['/app/peers', 'peers', 'Peers'],
    ['/app/peers/new', 'peer-new', 'Add a peer'],
    ['/app/people', 'people', 'People'],
    ['/app/people/invite', 'invite', 'Invite someone'],
    ['/app/account', 'account', 'Your account'],
  ];
  for (const [path, name, heading] of pages) await look(browser, state, path, name, ready(heading));
  await page.goto(`${base}/app/people`);
  const chris = page.getByRole('link', { name: 'Chris Contact' });
  const personPath = new URL(await chris.getAttribute('href'), base).pathname;
  await look(browser, state, personPath, 'person', ready('Chris Contact'));
  // Edited: a new name, and a contact still of the same partnership.
  await page.goto(`${base}${personPath}`);
  await page.getByLabel('Full name').fill('Christine Contact');
  await submit(page, 'Save their details');
  await success(page, 'Their details are changed');
  await page.getByRole('heading', { name: 'Christine Contact', level: 1 }).waitFor();
  if (await page.getByLabel('Partnership contact').isChecked() !== true ||
      await page.getByLabel('Their partnership').inputValue() !==
        `partnerships/${partnershipPath.split('/').pop()}`) {
    fail('changing the name changed the role or the partnership');
  }
  await page.goto(`${base}${engagementPath}/history`);
  await page.getByText('Scoping to desk research').waitFor();
  console.log(`journeys lead: ${pages.length + 1} pages pass at 3 widths; the conflicted and ` +
              `expired peers were refused at the field; the CSV refusal said: ${csvError.trim()}`);
}

async function contactJourney(browser, [link, email, password]) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await setPassword(page, link, password);
  await signIn(page, email, password);
  await page.getByRole('heading', { name: 'Riverside CSP', level: 1 }).waitFor();
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: /^Health check begun/ }).click()]);
  const engagementPath = new URL(page.url()).pathname;
  await page.getByRole('heading', { name: 'Review team' }).waitFor();
  if (await page.getByRole('link', { name: /Cancel|Change/ }).count()) {
    fail('a partnership contact is offered a change');
  }
  await page.goto(`${base}${engagementPath}/reports`);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: /Read and comment/ }).click()]);
  const reportPath = new URL(page.url()).pathname;
  const read = page.getByRole('link', { name: /Read version 1 in the browser/ });
  const html = await page.request.get(new URL(await read.getAttribute('href'), base).href);
  if (html.status() !== 200 || !(await html.text()).includes('Riverside CSP')) {
    fail(`the draft could not be read: ${html.status()}`);
  }
  const [tab] = await Promise.all([context.waitForEvent('page'), read.click()]);
  await tab.waitForLoadState();
  await tab.screenshot({ path: `${out}/draft-report.png` });
  await tab.close();
  const sections = await page.getByLabel('Which part of the report it is about')
    .locator('option').allTextContents();
  if (sections.length < 4) fail(`the report's sections are not offered: ${sections}`);
  await page.getByRole('button', { name: 'Add the comment' }).click();
  await fieldError(page, 'comment', 'Enter your comment');
  await check(page, 'report-comment-error-1280');
  for (const [section, text] of [[sections[1], 'Our board met monthly, not quarterly.'],
                                 [sections[3], 'The fire service joined in 2024.']]) {
    await page.getByLabel('Which part of the report it is about').selectOption({ label: section });
    await page.getByLabel('Your comment').fill(text);
    await submit(page, 'Add the comment');
    await success(page, `Your comment on "${section}" is added`);
    await page.getByText(text).waitFor();
  }
  const state = await context.storageState();
  const ready = (heading) => (p) => p.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await look(browser, state, '/', 'contact-home', ready('Riverside CSP'));
  await look(browser, state, engagementPath, 'contact-engagement', ready('Riverside CSP'));
  await look(browser, state, `${engagementPath}/questionnaire`, 'contact-questionnaire',
             ready('Questionnaire'));
  await look(browser, state, `${engagementPath}/fieldwork`, 'contact-fieldwork', async (p) => {
    await ready('Fieldwork plan')(p);
    await p.getByText('09:00 to 10:00: Chair of the board').waitFor();
  });
  await look(browser, state, `${engagementPath}/feedback`, 'contact-feedback', async (p) => {
    await ready('Initial feedback')(p);
    await p.getByText('A shared vision').waitFor();
  });
  await look(browser, state, `${engagementPath}/reports`, 'contact-reports', ready('Written reports'));
  await look(browser, state, reportPath, 'contact-report', ready('Version 1 of the report'));
  console.log(`journeys contact: read the draft and commented on "${sections[1]}" and "${sections[3]}"`);
}

async function contactPlanJourney(browser, [email, password]) {
  const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, email, password);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: /^Health check begun/ }).click()]);
  const engagementPath = new URL(page.url()).pathname;
  await page.goto(`${base}${engagementPath}/reports`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Download version 1 as a PDF/ }).click(),
  ]);
  const pdf = await readFile(await download.path());
  if (pdf.subarray(0, 5).toString() !== '%PDF-') fail('the download is not a PDF');

  await page.goto(`${base}${engagementPath}/plan/actions/new`);
  await page.getByRole('button', { name: 'Add the action' }).click();
  await fieldError(page, 'title', 'Enter what is to be done');
  await check(page, 'action-error-1280');
  const actions = [['Agree a shared data protocol', 'Riverside Council', 60],
                   ['Pool the community safety budgets', 'Riverside Police', 120]];
  for (const [title, owner, due] of actions) {
    await page.goto(`${base}${engagementPath}/plan/actions/new`);
    await page.getByLabel('What is to be done').fill(title);
    await page.getByLabel('By whom').selectOption({ label: owner });
    await fillDate(page, 'Due by', due);
    await submit(page, 'Add the action');
    await success(page, `The action "${title}" is added`);
  }
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: /A1 Agree a shared data protocol/ }).click()]);
  const actionPath = new URL(page.url()).pathname;
  await page.getByLabel('What has happened').fill('The protocol is drafted.');
  await page.getByLabel('What shows it (optional)').fill('Draft protocol, version 2.');
  await page.getByLabel('No, but action is in hand').check();
  await submit(page, 'Add the update');
  await success(page, 'Your progress update is added');
  await page.getByText('The protocol is drafted.').waitFor();
  // The second action works well, for the lead to verify.
  await page.goto(`${base}${engagementPath}/plan`);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: /A2 Pool the community safety budgets/ }).click()]);
  await page.getByLabel('What has happened').fill('The budgets are pooled from April.');
  await page.getByLabel('Yes: working well').check();
  await submit(page, 'Add the update');
  await success(page, 'Your progress update is added');
  await page.getByText('The budgets are pooled from April.').waitFor();
  if (await page.getByRole('button', { name: /Verify/ }).count()) fail('a contact is offered to verify');
  const state = await context.storageState();
  const ready = (heading) => (p) => p.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await look(browser, state, `${engagementPath}/plan`, 'plan', ready('Improvement plan'));
  await look(browser, state, `${engagementPath}/plan/actions/new`, 'action-new', ready('Add an action'));
  await look(browser, state, actionPath, 'action', ready('A1 Agree a shared data protocol'));
  await look(browser, state, `${engagementPath}/reports`, 'reports-published', ready('Written reports'));
  console.log(`journeys contact-plan: downloaded a ${pdf.length}-byte PDF; added 2 actions and an update`);
}

async function leadRefusedJourney(browser, [password, engagement]) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, leadEmail, password);
  // The app's own API on its own origin, with the lead's session cookie.
  const call = (method, body) => page.evaluate(async ([m, b]) => {
    const response = await fetch(`/healthcheck.v1.${m}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
    return [response.status, (await response.json()).code];
  }, [method, body]);
  const results = await call('QuestionnaireService/GetQuestionnaireResults',
                             { name: `${engagement}/questionnaire` });
  const notes = await call('EvidenceService/ListNotes', { parent: engagement });
  for (const [what, [status, code]] of [['results', results], ['notes', notes]]) {
    if (status !== 403 || code !== 'permission_denied') fail(`the lead read the ${what}: ${status} ${code}`);
  }
  await page.goto(`${base}/app/${engagement}/notes`);
  await page.getByText('Evidence notes are for the review team only.').waitFor();

  // The plan the contact made, approved; its first check-in recorded.
  const plan = `/app/${engagement}/plan`;
  await page.goto(`${base}${plan}/approve`);
  await page.getByRole('heading', { name: 'Check before you approve the improvement plan' }).waitFor();
  await check(page, 'plan-approve-1280');
  await submit(page, 'Confirm: approve the plan');
  await success(page, 'The improvement plan is approved');
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: /Record it as held/ }).first().click()]);
  await page.getByRole('button', { name: 'Record it as held' }).click();
  await fieldError(page, 'notes', 'Enter what the check-in found');
  await check(page, 'check-in-error-1280');
  await page.getByLabel('What it found').fill('The protocol is agreed; budgets not yet pooled.');
  await submit(page, 'Record it as held');
  await success(page, 'The check-in is recorded as held today');
  await page.getByText(/budgets not yet pooled/).waitFor();
  // The action the contact says works well, verified after a second ask.
  await page.goto(`${base}${plan}`);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: /A2 Pool the community safety budgets/ }).click()]);
  await page.getByRole('button', { name: 'Verify that it is done' }).click();
  await check(page, 'action-verify-asking-1280');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await page.getByRole('button', { name: 'Verify that it is done' }).click();
  await submit(page, 'Yes, it is done');
  await success(page, 'The action is verified');
  await page.locator('.govuk-summary-list').getByText(/^by .+, \d/).waitFor();
  const state = await context.storageState();
  await look(browser, state, plan, 'plan-approved',
             (p) => p.getByRole('heading', { name: 'Improvement plan', level: 1 }).waitFor());
  console.log('journeys lead-refused: questionnaire results and notes refused (403 ' +
              'permission_denied); the plan approved, a check-in recorded, an action verified');
}

// Lists as the API pages them: Next and back with Previous.
async function pageThroughPartnerships(browser, page, state) {
  const rows = () => page.locator('tbody tr');
  const names = async () => new Set(await rows().allTextContents());
  await page.goto(`${base}/app/partnerships`);
  await rows().first().waitFor();
  const first = await names();
  if (await rows().count() !== 50) fail(`the first page holds ${await rows().count()} partnerships`);
  if (await page.getByRole('link', { name: /Previous/ }).count()) fail('the first page offers Previous');
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /Next/ }).click()]);
  await rows().first().waitFor();
  const second = await rows().allTextContents();
  if (!second.length || second.some((row) => first.has(row))) {
    fail(`the second page repeats the first or is empty: ${second}`);
  }
  if (await page.getByRole('link', { name: /Next/ }).count()) fail('the last page offers Next');
  const secondPath = new URL(page.url());
  await look(browser, state, secondPath.pathname + secondPath.search, 'partnerships-page-2',
             (p) => p.locator('tbody tr').first().waitFor());
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /Previous/ }).click()]);
  await rows().first().waitFor();
  const again = await names();
  if (again.size !== first.size || [...again].some((row) => !first.has(row))) {
    fail('Previous did not lead back to the first page');
  }
  return 50 + second.length;
}

// Who a Connect call with a bearer token acts as, as scripts make them: the
// HTTP status and the caller's email.
async function withToken(page, secret) {
  const response = await page.request.post(`${base}/healthcheck.v1.UserService/GetUser`, {
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    data: { name: 'users/me' } });
  return [response.status(), (await response.json()).email ?? ''];
}

async function leadAdminJourney(browser, [password, engagement, contactEmail]) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, leadEmail, password);
  const state = await context.storageState();
  const ready = (heading) => (p) => p.getByRole('heading', { name: heading, level: 1 }).waitFor();
  const partnershipCount = await pageThroughPartnerships(browser, page, state);

  // The review team's pages of a health check, as its programme lead sees them.
  const reportEngagement = `/app/${engagement}`;
  await look(browser, state, `${reportEngagement}/fieldwork`, 'lead-fieldwork', async (p) => {
    await ready('Fieldwork plan')(p);
    await p.getByText('09:00 to 10:00: Chair of the board').waitFor();
  });
  await look(browser, state, `${reportEngagement}/feedback`, 'lead-feedback', async (p) => {
    await ready('Initial feedback')(p);
    await p.getByText('A shared vision').waitFor();
  });
  await look(browser, state, `${reportEngagement}/reports/1`, 'lead-report',
             ready('Version 1 of the report'));

  // The first journey's health check: a peer removed, then cancelled.
  await page.goto(`${base}/app/engagements`);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: new RegExp(partnershipName) }).first().click()]);
  const engagementPath = new URL(page.url()).pathname;
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: 'Remove Hari Health', exact: true }).click()]);
  const removePath = new URL(page.url());
  await look(browser, state, removePath.pathname + removePath.search, 'team-remove',
             ready(/^Remove Hari Health \(peer\) from the team\?$/));
  await submit(page, 'Remove from the team');
  await success(page, 'Hari Health is no longer on the team');
  await page.getByRole('row', { name: /Lena Lead/ }).waitFor();
  if (await page.getByRole('row', { name: /Hari Health/ }).count()) fail('Hari is still on the team');
  await page.goto(`${base}${engagementPath}/stage/cancel`);
  await page.getByRole('button', { name: /^Confirm/ }).click();
  await fieldError(page, 'reason', 'Enter why it is cancelled');
  await check(page, 'cancel-error-1280');
  await page.getByLabel('Why it is cancelled').fill('The partnership has merged with its neighbour.');
  await submit(page, 'Confirm: cancel the health check');
  await success(page, 'The health check is cancelled');
  await page.getByText('Cancelled', { exact: true }).first().waitFor();
  await page.goto(`${base}${engagementPath}/history`);
  await page.getByText('The partnership has merged with its neighbour.').waitFor();

  // A peer's own page.
  await page.goto(`${base}/app/peers`);
  const pat = page.getByRole('link', { name: 'Pat Police' });
  await look(browser, state, new URL(await pat.getAttribute('href'), base).pathname, 'peer-edit',
             ready('Pat Police'));

  // A token: refused without a name; made, it acts as the lead; revoked, it does not.
  await page.goto(`${base}/app/account`);
  await page.getByRole('button', { name: 'Make a token' }).click();
  await fieldError(page, 'token-name', 'Enter a name for the token');
  await page.getByLabel('What it is for').fill('Laptop scripts');
  await page.getByRole('button', { name: 'Make a token' }).click();
  const secret = (await page.locator('.govuk-panel code').textContent()).trim();
  await page.getByRole('button', { name: 'Revoke Laptop scripts' }).waitFor();
  await check(page, 'token-made-1280');
  const [before, actsAs] = await withToken(page, secret);
  await page.getByRole('button', { name: 'Revoke Laptop scripts' }).click();
  await check(page, 'token-revoke-asking-1280');
  await submit(page, 'Yes, revoke it');
  await success(page, 'The token Laptop scripts is revoked');
  const [after] = await withToken(page, secret);
  if (before !== 200 || actsAs !== leadEmail || after !== 401) {
    fail(`the token answered ${before} as ${actsAs}, then ${after} once revoked`);
  }

  // Another browser signed in, signed out from this one (with every other
  // session: hcctl's too, so the script uses hcctl no more after this part).
  const other = await (await browser.newContext({ bypassCSP: true })).newPage();
  await pageChecks({ base, out, fail }).signIn(other, leadEmail, password);
  await page.goto(`${base}/app/account`);
  let ended = 0;
  for (;;) {
    await page.getByText('This browser').waitFor();
    const button = page.getByRole('button', { name: /^Sign out there \(/ });
    if (!await button.count()) break;
    await button.first().click();
    await submit(page, 'Yes, sign out there');
    await success(page, 'That session has ended');
    ended += 1;
  }
  await other.goto(`${base}/app/account`);
  await other.waitForURL((url) => url.pathname === '/signin');
  await other.context().close();

  // The contact suspended: signed out, and refused at sign-in; then reactivated.
  const contact = await (await browser.newContext({ bypassCSP: true })).newPage();
  await signIn(contact, contactEmail, password);
  await page.goto(`${base}/app/people`);
  const rita = page.getByRole('link', { name: 'Rita Riverside' });
  const personPath = new URL(await rita.getAttribute('href'), base).pathname;
  await page.goto(`${base}${personPath}`);
  await page.getByRole('button', { name: 'Suspend' }).click();
  await check(page, 'suspend-asking-1280');
  await submit(page, 'Yes, suspend Rita Riverside');
  await success(page, 'Rita Riverside is suspended and signed out everywhere');
  await look(browser, state, personPath, 'person-suspended', async (p) => {
    await ready('Rita Riverside')(p);
    await p.getByRole('button', { name: 'Reactivate' }).waitFor();
  });
  await contact.goto(`${base}/`);
  await contact.waitForURL((url) => url.pathname === '/signin');
  await contact.getByLabel('Email address').fill(contactEmail);
  await contact.getByLabel('Password').fill(password);
  await Promise.all([contact.waitForNavigation(),
                     contact.getByRole('button', { name: 'Sign in' }).click()]);
  if (new URL(contact.url()).pathname !== '/signin') fail('a suspended person signed in');
  await page.getByRole('button', { name: 'Reactivate' }).click();
  await submit(page, 'Yes, reactivate Rita Riverside');
  await success(page, 'Rita Riverside can sign in again');
  await signIn(contact, contactEmail, password);
  await contact.context().close();

  // Addresses with nothing at them.
  await look(browser, state, '/app/nowhere', 'not-found', ready('Page not found'));
  await look(browser, state, '/app/engagements/no-such-one', 'problem',
             ready('Sorry, there is a problem'));
  console.log(`journeys lead-admin: paged through ${partnershipCount} partnerships; removed a ` +
              `peer and cancelled a health check; a token worked (${before}) until revoked ` +
              `(${after}); ended ${ended} other sessions; suspended and reactivated a contact`);
}

// A peer's notes, online and offline.
async function peerJourney(browser, [link, email, password, engagement]) {
  const context = await browser.newContext({ bypassCSP: true });
  let page = await context.newPage();
  await setPassword(page, link, password);
  await signIn(page, email, password);
  const notes = `/app/${engagement}/notes`;
  await page.goto(`${base}/app/${engagement}`);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: 'Evidence notes' }).click()]);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('button', { name: 'Add a note' }).click()]);
  await page.getByRole('heading', { name: 'Add a note', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Save the note' }).click();
  await fieldError(page, 'source', 'Choose where it was heard or seen');
  await fieldError(page, 'text', 'Enter what was said or seen');
  await fieldError(page, 'polarity', 'Choose whether it is for or against');
  await check(page, 'note-errors-1280');

  const write = async (text, polarity, word) => {
    await page.getByLabel('What was said or seen').fill(text);
    await page.getByLabel(polarity).check();
    if (word) {
      await page.getByLabel(/Principles or statements/).fill(word);
      await check(page, 'note-tags-1280');
      await page.getByRole('button', { name: /^Add \d/ }).first().click();
      await page.getByRole('button', { name: /^Remove \d/ }).waitFor();
    }
    await page.getByRole('button', { name: 'Save the note' }).click();
  };
  const chair = await page.locator('#source option', { hasText: 'Chair of the board' })
    .getAttribute('value');
  await page.getByLabel('Heard or seen at').selectOption(chair);
  // The first upload's reply is lost after the server committed the note:
  // sent again with its request_id, the note is made once.
  let lost = 0;
  await page.route('**/healthcheck.v1.EvidenceService/CreateNote', async (route) => {
    await route.fetch();
    lost += 1;
    await route.abort('connectionreset');
  }, { times: 1 });
  await write('The chair described a vision every partner shares.', /^For/, 'vision');
  await page.getByText('Your note is saved').waitFor();
  await page.getByText(/1 note is waiting to upload \(no connection\)/).waitFor();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.getByText('No notes are waiting to upload.').waitFor();
  if (lost !== 1) fail(`the lost reply was not tried (${lost})`);
  // The source stays chosen for the next note.
  if (!/Chair of the board/.test(await page.getByLabel('Heard or seen at')
    .locator('option:checked').textContent())) fail('the source was not kept for the next note');

  // Offline: kept in the browser, waiting; the tab closed, and the app
  // opened again with no network from the service worker's copy.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await write('Nobody could say who owns the data-sharing protocol.', /^Against/);
  await page.getByText(/1 note is waiting to upload \(no connection\)/).waitFor();
  await page.close();
  page = await context.newPage();
  await page.goto(`${base}${notes}/new`);
  await page.getByRole('heading', { name: 'Add a note', level: 1 }).waitFor();
  await page.getByLabel('Heard or seen at').selectOption(chair);
  await write('Budgets are pooled only for the youth programme.', /^Against/);
  await page.getByText(/2 notes are waiting to upload/).waitFor();
  await check(page, 'notes-waiting-1280');
  await page.close();
  await context.setOffline(false);
  page = await context.newPage();
  await page.goto(`${base}${notes}`);
  await page.getByText('No notes are waiting to upload.').waitFor();
  for (const text of ['owns the data-sharing protocol', 'pooled only for the youth']) {
    await page.getByText(text).first().waitFor();
  }

  // Search and filters, as the API has them.
  await page.getByText('Search and filter the notes').click();
  await page.getByLabel('Words in the note').fill('protocol');
  await page.getByLabel('For or against').selectOption({ label: 'Against' });
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('button', { name: 'Show notes' }).click()]);
  await page.getByText('owns the data-sharing protocol').waitFor();
  if (await page.getByText('pooled only for the youth').count()) fail('the search let a note through');

  // A change whose reply is lost after the server made it: sent again, the
  // etag is stale, and the note already holds the change, so it is done.
  await page.goto(`${base}${notes}?q=youth`);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: /^Change/ }).first().click()]);
  await page.route('**/healthcheck.v1.EvidenceService/UpdateNote', async (route) => {
    await route.fetch();
    lost += 1;
    await route.abort('connectionreset');
  }, { times: 1 });
  await page.getByLabel('What was said or seen').fill('Budgets are pooled for youth work only.');
  await submit(page, 'Save the change');
  await page.getByText(/1 note is waiting to upload/).waitFor();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.getByText('No notes are waiting to upload.').waitFor();
  await page.getByText('Budgets are pooled for youth work only.').waitFor();
  if (lost !== 2 || await page.getByText('Someone changed this note').count()) {
    fail(`a change whose reply was lost was not taken as made (${lost} lost)`);
  }

  // A change made while someone else changed the same note.
  await page.goto(`${base}${notes}?q=protocol`);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('link', { name: /^Change/ }).first().click()]);
  const notePath = new URL(page.url()).pathname;
  const state = await context.storageState();
  const ready = (heading) => (p) => p.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await look(browser, state, notePath, 'note-change', ready('Change a note'));
  const name = notePath.replace('/app/', '');
  const theirs = await page.evaluate(async (note) => {
    const call = (method, body) => fetch(`/healthcheck.v1.EvidenceService/${method}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body) }).then((r) => r.json());
    const now = await call('GetNote', { name: note });
    return call('UpdateNote', { note: { name: note, etag: now.etag,
                                        text: 'The protocol is owned by the council.' },
                                updateMask: 'text' });
  }, name);
  if (!theirs.etag) fail(`the other change was refused: ${JSON.stringify(theirs)}`);
  await page.getByLabel('What was said or seen').fill('Nobody owns the protocol yet.');
  await submit(page, 'Save the change');
  await page.getByText('Someone changed this note since you read it.').waitFor();
  await check(page, 'note-conflict-1280');
  await page.getByRole('button', { name: /^Keep your version/ }).click();
  // Set aside, it was not waiting either: wait for it to leave.
  try {
    await page.getByText('Someone changed this note').waitFor({ state: 'detached' });
  } catch {
    fail('the conflict stayed');
  }
  await page.getByText('No notes are waiting to upload.').waitFor();
  await page.reload();
  await page.getByText('Nobody owns the protocol yet.').waitFor();
  if (await page.getByText('The protocol is owned by the council.').count()) {
    fail('the kept version did not replace the other');
  }

  await look(browser, state, notes, 'notes', ready('Evidence notes'));
  await look(browser, state, `${notes}/new`, 'note-new', ready('Add a note'));

  // Sign-out warns of a note not uploaded (the server refusing to be
  // reached); kept signed in, then signed out deleting it: nothing is left.
  await page.route('**/healthcheck.v1.EvidenceService/CreateNote',
                   (route) => route.abort('connectionrefused'));
  await page.goto(`${base}${notes}/new`);
  await page.getByLabel('Heard or seen at').selectOption(chair);
  await page.getByLabel('What was said or seen').fill('Written just before leaving.');
  await page.getByLabel(/^For/).check();
  await page.getByRole('button', { name: 'Save the note' }).click();
  await page.getByText(/1 note is waiting to upload/).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('1 of your notes is not uploaded yet.').waitFor();
  await check(page, 'sign-out-warning-1280');
  await page.getByRole('button', { name: 'Stay signed in' }).click();
  await page.getByText(/1 note is waiting to upload/).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('button', { name: 'Sign out and delete it' }).click()]);
  const left = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('healthcheck-notes');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const stores = ['entries', 'contexts', 'meta'];
      const tx = open.result.transaction(stores);
      const counts = stores.map((s) => tx.objectStore(s).count());
      tx.oncomplete = () => resolve([...counts.map((c) => c.result),
                                     localStorage.length]);
    };
  }));
  if (left.some((n) => n !== 0)) {
    fail(`signing out left entries, contexts, meta and local storage of ${left}`);
  }
  console.log('journeys peer: 3 notes uploaded, 2 of them written offline (one after reopening ' +
              `the app offline); ${lost} replies lost after the server acted, nothing ` +
              'duplicated; a conflicting change shown side by side; a note not uploaded ' +
              'deleted with everything else at sign-out');
}

const journeys = { lead: leadJourney, contact: contactJourney, 'contact-plan': contactPlanJourney,
                   'lead-refused': leadRefusedJourney, 'lead-admin': leadAdminJourney,
                   peer: peerJourney };
if (!journeys[part]) fail(`no journey "${part}"`);
const browser = await launchChromium();
try {
  await journeys[part](browser, args);
} finally {
  await browser.close();
}
