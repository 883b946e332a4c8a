// The review team's journeys in Debian's chromium, on an engagement in
// fieldwork whose questionnaire is open with six answers, and with three of
// a peer's notes (web_app_test.sh sets it up):
//
//   node team.mjs BASE OUT LEAD_LINK LEAD_EMAIL PEER_EMAIL PASSWORD ENGAGEMENT
//                 REPORT_ENGAGEMENT
//
// The lead peer sets their password; their home page lists both health
// checks with what waits for them (the feedback to give on ENGAGEMENT, the
// version in the partnership's check to publish on REPORT_ENGAGEMENT).
//
// They record a document read in desk research (first without a title, then
// with an impossible date) and change it. On the fieldwork plan they plan an
// activity (first with nothing filled in), are refused a second that puts
// the peer in two places at once, with the clash in words at the peers, and
// plan it an hour later; change it; are refused, in words, a change made
// from a page opened before their last one; mark the first as held and
// cancel the second; read the plan by peer; download the team's calendar
// and their own, which holds only what they attend.
//
// They draft a finding from two notes and the questionnaire results, and one
// with no evidence, which cannot be agreed and is withdrawn; draft a
// recommendation, which cannot be agreed before its finding; agree both,
// reopen and change the recommendation and agree it again. The peer (not
// the lead peer) drafts a finding and withdraws it, and is offered no Agree
// or Reopen.
//
// They close the questionnaire (its results are shown only then), read the
// results (groups under k withheld) and mark a comment quotable; read the
// triangulation, which flags the principles only the questionnaire speaks
// to and whose counts lead to their notes; preview the initial feedback and
// give it with closing remarks. On REPORT_ENGAGEMENT they publish the
// version the partnership checked, generate the next, submit it for the
// team's review, comment on a section, send it for the partnership's check
// and withdraw it.
//
// Each kind of page is opened fresh at 1280 px, 320 px and 200% zoom and
// passes axe-core there (pages.mjs), and so do the forms showing their
// errors and a refused clash.
import { launchChromium } from './launch.mjs';
import { failer, pageChecks } from './pages.mjs';
import { steps } from './steps.mjs';

const [base, out, leadLink, leadEmail, peerEmail, password, engagement, reportEngagement] =
  process.argv.slice(2);
const fail = failer('team');
const { check, look, signIn, setPassword, submit, success, fieldError } =
  pageChecks({ base, out, fail });
const { confirm, activityForm, download } = steps({ base, fail, submit, success });
const at = `/app/${engagement}`;

async function documentsJourney(page, state, browser) {
  await page.goto(`${base}${at}`);
  await page.getByRole('link', { name: 'Desk research' }).click();
  await page.getByRole('heading', { name: 'Desk research' }).waitFor();
  await page.getByRole('heading', { name: 'Community safety strategy 2026-29' }).waitFor();
  await page.getByRole('button', { name: 'Record a document' }).click();
  await page.getByRole('button', { name: 'Record the document' }).click();
  await fieldError(page, 'title', "Enter the document's title");
  await page.getByLabel('Title').fill('Partnership plan 2026');
  await page.getByLabel('Where it came from (optional)').fill('Eastfield Council');
  const date = page.getByRole('group', { name: 'Its date (optional)' });
  await date.getByLabel('Day').fill('31');
  await date.getByLabel('Month').fill('2');
  await date.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Record the document' }).click();
  await fieldError(page, 'date', "The document's date must be a real date");
  await date.getByLabel('Day').fill('1');
  await submit(page, 'Record the document');
  await success(page, '"Partnership plan 2026" is recorded');
  await page.getByRole('link', { name: 'Change Partnership plan 2026' }).click();
  await page.getByLabel("The team's notes (optional)").fill('Names four shared priorities.');
  await submit(page, 'Save the change');
  await success(page, '"Partnership plan 2026" is changed');
  await page.getByText('Names four shared priorities.').waitFor();
  await page.getByText('1 February 2026').waitFor();
  await look(browser, state, `${at}/documents`, 'team-documents',
             (p) => p.getByRole('heading', { name: 'Partnership plan 2026' }).waitFor());
  await look(browser, state, `${at}/documents/new`, 'team-document-new',
             (p) => p.getByRole('heading', { name: 'Record a document' }).waitFor());
}

async function fieldworkJourney(page, state, browser) {
  await page.goto(`${base}${at}/fieldwork`);
  await page.getByRole('button', { name: 'Plan an activity' }).click();
  await page.getByRole('heading', { name: 'Plan an activity' }).waitFor();
  await page.getByRole('button', { name: 'Plan the activity' }).click();
  await fieldError(page, 'kind', 'Choose what kind of activity it is');
  await fieldError(page, 'start', 'Enter the start time as hours and minutes, like 09:30');
  await check(page, 'team-activity-empty');
  await activityForm(page, { kind: 'Interview', title: 'Chair of the board', day: 1,
                             start: '09:00', end: '10:00', peers: ['Lena Lead', 'Hari Health'] });
  await page.getByRole('button', { name: 'Add a participant' }).click();
  await page.getByLabel('Role', { exact: true }).fill('Chair');
  await page.getByLabel('Organisation').selectOption({ label: 'Eastfield Council (local government)' });
  await submit(page, 'Plan the activity');
  await success(page, '"Chair of the board" is planned for day 1');

  await page.goto(`${base}${at}/fieldwork/new`);
  await activityForm(page, { kind: 'Focus group', title: 'Front-line staff', day: 1,
                             start: '9:30', end: '10:30', peers: ['Hari Health'] });
  await page.getByRole('button', { name: 'Plan the activity' }).click();
  await fieldError(page, 'peers',
    'Hari Health (Southshire NHS Trust) is already at "Chair of the board" on day 1 from 09:00 to 10:00');
  await check(page, 'team-activity-clash');
  await activityForm(page, { start: '10:00', end: '11:00' });
  await submit(page, 'Plan the activity');
  await success(page, '"Front-line staff" is planned for day 1');

  await page.getByRole('link', { name: 'Change Front-line staff, day 1' }).click();
  await page.getByRole('heading', { name: 'Change "Front-line staff"' }).waitFor();
  await look(browser, state, new URL(page.url()).pathname, 'team-activity-change',
             (p) => p.getByRole('heading', { name: 'Change "Front-line staff"' }).waitFor());
  await page.getByLabel('Where (optional)').fill('Fire station, Mill Lane');
  await submit(page, 'Save the change');
  await success(page, '"Front-line staff" is changed');
  await page.getByText('Focus group, Fire station, Mill Lane').waitFor({ timeout: 5000 })
    .catch(() => fail('the change is not on the plan'));
  // A change made from a page opened before someone else's change is
  // refused in words, and changes nothing.
  const stale = await page.context().newPage();
  await stale.goto(page.url().replace(/\/fieldwork.*$/, '/fieldwork'));
  await stale.getByRole('link', { name: 'Change Chair of the board, day 1' }).click();
  await stale.getByLabel('Where (optional)').fill('Town hall');
  await page.getByRole('link', { name: 'Change Chair of the board, day 1' }).click();
  await page.getByLabel('Where (optional)').fill('Council chamber');
  await submit(page, 'Save the change');
  await stale.getByRole('button', { name: 'Save the change' }).click();
  await stale.locator('.govuk-error-summary')
    .getByText('Someone has changed this since you opened the page').waitFor({ timeout: 5000 })
    .catch(() => fail('a change from a stale page was not refused in words'));
  await stale.close();
  await page.getByText('Interview, Council chamber').waitFor({ timeout: 5000 })
    .catch(() => fail('the stale change overwrote the newer one'));
  await confirm(page, 'Mark as held Chair of the board, day 1', 'Yes, it was held',
                '"Chair of the board" is marked as held');
  await confirm(page, 'Cancel Front-line staff, day 1', 'Yes, cancel it',
                '"Front-line staff" is cancelled');
  const item = (title) => page.getByRole('listitem').filter({ hasText: title });
  await item('Chair of the board').getByText('Held', { exact: true }).waitFor();
  await item('Front-line staff').getByText('Cancelled', { exact: true }).waitFor();
  await check(page, 'team-fieldwork');

  const team = await download(page, "Download the team's plan as a calendar file");
  const mine = await download(page, 'Download your own plan as a calendar file');
  if (!team.includes('Chair of the board') || !team.includes('Front-line staff')) {
    fail("the team's calendar lacks an activity");
  }
  if (!mine.includes('Chair of the board') || mine.includes('Front-line staff')) {
    fail("the lead peer's own calendar is not only what they attend");
  }

  await page.getByRole('link', { name: 'Show by peer' }).click();
  const hari = page.locator('section').filter({ has: page.getByRole('heading', { name: /^Hari Health/ }) });
  await hari.getByText('Front-line staff').waitFor();
  await look(browser, state, `${at}/fieldwork?view=peer`, 'team-fieldwork-by-peer',
             (p) => p.getByText('Shown by peer.').waitFor());
  await look(browser, state, `${at}/fieldwork`, 'team-fieldwork-by-day',
             (p) => p.getByRole('heading', { name: 'Day 1:' , exact: false }).waitFor());
  await look(browser, state, `${at}/fieldwork/new`, 'team-activity-new',
             (p) => p.getByRole('heading', { name: 'Plan an activity' }).waitFor());
}

async function findingsJourney(page, state, browser) {
  await page.goto(`${base}${at}`);
  await page.getByRole('link', { name: 'Findings and recommendations' }).click();
  await page.getByRole('heading', { name: 'Findings and recommendations' }).waitFor();
  await page.getByRole('button', { name: 'Draft a finding' }).click();
  await page.getByRole('button', { name: 'Draft the finding' }).click();
  await fieldError(page, 'kind', 'Choose whether it is a strength or an area for development');
  await fieldError(page, 'principles', 'Choose at least one principle it is about');
  await page.getByLabel('Strength', { exact: true }).check();
  await page.getByLabel('The finding in one line').fill('Partners share one plan');
  await page.getByLabel('What the team found').fill('Every partner described the same plan.');
  await page.getByRole('checkbox', { name: /^1\. / }).check();
  await page.getByRole('checkbox', { name: 'The partners describe one shared plan' }).check();
  await page.getByRole('checkbox', { name: 'Board minutes show the plan reviewed' }).check();
  if (await page.getByRole('checkbox', { name: 'Front-line staff do not know who leads' }).count()) {
    fail('a note tagged to another principle is offered');
  }
  await page.getByRole('checkbox', { name: /^Results for 1\. / }).check();
  await check(page, 'team-finding-form');
  await look(browser, state, `${at}/findings/new`, 'team-finding-new',
             (p) => p.getByRole('heading', { name: 'Draft a finding' }).waitFor());
  await submit(page, 'Draft the finding');
  await success(page, 'F1 is drafted');
  await page.locator('.govuk-summary-card').filter({ hasText: 'F1 Partners share one plan' })
    .getByText(/^2 notes; questionnaire results for 1\. /).waitFor({ timeout: 5000 })
    .catch(() => fail("F1's evidence is not its 2 notes and principle 1's results"));

  await page.goto(`${base}${at}/findings/new`);
  await page.getByLabel('Area for development', { exact: true }).check();
  await page.getByLabel('The finding in one line').fill('Roles are unclear');
  await page.getByLabel('What the team found').fill('Staff could not say who leads.');
  await page.getByRole('checkbox', { name: /^2\. / }).check();
  await submit(page, 'Draft the finding');
  await success(page, 'F2 is drafted');
  await confirm(page, 'Agree F2', 'Yes, agree F2', '', 'F2 has no evidence');
  await confirm(page, 'Withdraw F2', 'Yes, withdraw F2 for good', 'F2 is withdrawn');

  await page.getByRole('button', { name: 'Draft a recommendation' }).click();
  await page.getByLabel('What the team recommends').fill('Publish the plan to front-line staff.');
  await page.getByLabel('High', { exact: true }).check();
  if (await page.getByRole('checkbox', { name: 'F2 Roles are unclear' }).count()) {
    fail('a withdrawn finding is offered');
  }
  await page.getByRole('checkbox', { name: 'F1 Partners share one plan' }).check();
  await check(page, 'team-recommendation-form');
  await look(browser, state, `${at}/recommendations/new`, 'team-recommendation-new',
             (p) => p.getByRole('heading', { name: 'Draft a recommendation' }).waitFor());
  await submit(page, 'Draft the recommendation');
  await success(page, 'R1 is drafted');
  await confirm(page, 'Agree R1', 'Yes, agree R1', '',
                'R1 answers F1, which is not agreed; agree the finding first');
  await confirm(page, 'Agree F1', 'Yes, agree F1', 'F1 is agreed');
  await confirm(page, 'Agree R1', 'Yes, agree R1', 'R1 is agreed');
  await confirm(page, 'Reopen R1', 'Yes, reopen R1', 'R1 is reopened as a draft');
  await page.getByRole('link', { name: 'Change R1' }).click();
  await page.getByLabel('What the team recommends').fill('Publish the plan to every front-line team.');
  await page.getByLabel('Medium', { exact: true }).check();
  await submit(page, 'Save the change');
  await success(page, 'R1 is changed');
  await page.locator('.govuk-summary-card').filter({ hasText: 'R1 Publish the plan to every' })
    .getByText('Medium', { exact: true }).waitFor({ timeout: 5000 })
    .catch(() => fail("R1's priority did not change to medium"));
  await confirm(page, 'Agree R1', 'Yes, agree R1', 'R1 is agreed');
  await page.getByText('1 of 1 finding and 1 of 1 recommendation agreed.').waitFor({ timeout: 5000 })
    .catch(() => fail('the findings page does not count 1 of 1 finding and 1 of 1 recommendation agreed'));
  await look(browser, state, `${at}/findings`, 'team-findings',
             (p) => p.getByRole('heading', { name: /^R1 Publish the plan to every/ }).waitFor());
}

async function homeJourney(page, state, browser) {
  const card = (name) => page.locator('.govuk-summary-card')
    .filter({ has: page.getByRole('heading', { name }) });
  await page.getByRole('heading', { name: 'My engagements', level: 1 }).waitFor();
  await card('Eastfield CSP').getByRole('link', { name: 'Give the initial feedback at the end of day 3' })
    .waitFor({ timeout: 5000 }).catch(() => fail('the feedback to give is not waiting on the home page'));
  await card('Riverside CSP')
    .getByRole('link', { name: 'Publish version 1 once the partnership has checked it' })
    .waitFor({ timeout: 5000 }).catch(() => fail('the version to publish is not waiting on the home page'));
  await look(browser, state, '/', 'team-home',
             (p) => p.getByRole('heading', { name: 'My engagements', level: 1 }).waitFor());
}

async function resultsJourney(page, state, browser) {
  await page.goto(`${base}${at}/questionnaire/results`);
  await page.getByText('The results are shown once the questionnaire closes.').waitFor();
  await page.goto(`${base}${at}`);
  await page.getByRole('link', { name: 'Questionnaire', exact: true }).click();
  await confirm(page, 'Close the questionnaire now', 'Yes, close it: no more answers are taken',
                'The questionnaire is closed');
  await page.getByRole('link', { name: 'See the results' }).click();
  await page.getByRole('heading', { name: 'Questionnaire results' }).waitFor();
  await page.getByText('6 people answered.').waitFor({ timeout: 5000 })
    .catch(() => fail('the results do not say 6 people answered'));
  if (await page.locator('figure svg[role="img"] .app-chart__value').count() !== 1) {
    fail('the results draw no radar of the medians');
  }
  const principles = page.getByRole('region', { name: 'Principles' });
  if (await principles.getByRole('row').count() !== 7) fail('the principles table is not 6 rows');
  // Groups of 2 and 4 under k = 5: no figure, and the same reason for each.
  if (await page.getByRole('region', { name: /^By (level|sector|organisation)/ }).count()) {
    fail('a group under k is shown in a table');
  }
  for (const groups of ['Board or elected member, Management, Front line',
                        'Local government, Fire and rescue',
                        'Eastfield Council, Eastfield Fire and Rescue']) {
    await page.getByText(`Not shown: ${groups} (withheld`).waitFor({ timeout: 5000 })
      .catch(() => fail(`${groups} are not named as withheld`));
  }
  const comment = page.getByRole('listitem').filter({ hasText: 'Meetings start late and overrun' });
  await comment.getByText('Not quoted in the report').waitFor();
  await comment.getByRole('button', { name: 'Mark as quotable comment 1' }).click();
  await comment.getByText('Quotable', { exact: true }).waitFor();
  await page.reload();
  await page.getByRole('listitem').filter({ hasText: 'Meetings start late and overrun' })
    .getByText('Quotable', { exact: true }).waitFor({ timeout: 5000 })
    .catch(() => fail('the quotable mark was not kept'));
  await look(browser, state, `${at}/questionnaire/results`, 'team-results',
             (p) => p.getByText('6 people answered.').waitFor());
}

async function triangulationJourney(page, state, browser) {
  await page.goto(`${base}${at}`);
  await page.getByRole('link', { name: 'Triangulation' }).click();
  await page.getByRole('heading', { name: 'Triangulation' }).waitFor();
  const flags = page.getByRole('region', { name: 'Flags' });
  const first = flags.getByRole('row').filter({ hasText: /^1\. / });
  await first.getByText('Thin', { exact: true }).waitFor({ timeout: 5000 })
    .catch(() => fail('principle 1, with 2 notes, is not flagged thin'));
  await first.getByText('One-sided').waitFor({ timeout: 5000 })
    .catch(() => fail('principle 1, with notes all for, is not flagged one-sided'));
  await flags.getByRole('row').filter({ hasText: /^3\. / }).getByText('Questionnaire only')
    .waitFor({ timeout: 5000 })
    .catch(() => fail('principle 3, with no note, is not flagged as the questionnaire\'s alone'));
  const bySource = page.getByRole('region', { name: 'By source' });
  await Promise.all([page.waitForNavigation(),
                     bySource.getByRole('row').filter({ hasText: /^1\. / })
                       .getByRole('link', { name: '2 for' }).click()]);
  if (!page.url().includes('tag=1') || !page.url().includes('source=DOCUMENT')) {
    fail(`the count led to ${page.url()}`);
  }
  await page.getByText('The partners describe one shared plan').waitFor();
  await page.getByText('Board minutes show the plan reviewed').waitFor();
  if (await page.getByText('Front-line staff do not know who leads').count()) {
    fail("principle 1's documents' notes include one tagged 2");
  }
  await look(browser, state, `${at}/triangulation`, 'team-triangulation',
             (p) => p.getByRole('heading', { name: 'Triangulation' }).waitFor());
}

async function reportJourney(page, state, browser) {
  const reports = `/app/${reportEngagement}/reports`;
  await page.goto(`${base}${reports}`);
  await page.getByRole('link', { name: 'Open version 1' }).click();
  await confirm(page, 'Publish this version', 'Yes, publish it for good', 'Version 1 is published');
  await page.goto(`${base}${reports}`);
  await Promise.all([page.waitForNavigation(),
                     page.getByRole('button', { name: 'Generate a new version' }).click()]);
  await success(page, 'Version 2 is generated as a draft');
  await look(browser, state, `/app/${reportEngagement}/reports/2`, 'team-report-draft',
             (p) => p.getByRole('button', { name: "Submit for the team's review" }).waitFor());
  await confirm(page, "Submit for the team's review", 'Yes, submit it',
                'Version 2 is with the team for review');
  await page.getByLabel('Which part of the report it is about').selectOption({ index: 1 });
  await page.getByLabel('Your comment').fill('The executive summary should name the chair.');
  await submit(page, 'Add the comment');
  await success(page, 'Your comment on');
  await page.getByText('The executive summary should name the chair.').waitFor();
  await look(browser, state, `/app/${reportEngagement}/reports/2`, 'team-report-review',
             (p) => p.getByRole('heading', { name: 'Version 2 of the report' }).waitFor());
  await confirm(page, 'Send to the partnership for the factual-accuracy check', 'Yes, send it',
                'Version 2 is with the partnership for the factual-accuracy check');
  await confirm(page, 'Withdraw this version', 'Yes, withdraw it for good', 'Version 2 is withdrawn');
  await look(browser, state, reports, 'team-reports',
             (p) => p.getByRole('heading', { name: 'Version 2' }).waitFor());
}

async function feedbackJourney(page, state, browser) {
  await page.goto(`${base}${at}/feedback`);
  await page.getByText('This is a draft').waitFor();
  await page.getByText('F1 Partners share one plan').waitFor();
  await look(browser, state, `${at}/feedback`, 'team-feedback-draft',
             (p) => p.getByText('This is a draft').waitFor());
  await page.getByRole('button', { name: 'Give the feedback' }).click();
  await page.getByLabel('Closing remarks (optional)').fill('Thank you for three open days.');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: /^Confirm/ }).click()]);
  await success(page, 'The initial feedback is recorded as given');
  await page.goto(`${base}${at}/feedback`);
  await page.getByText(/^Given on .* by Lena Lead/).waitFor();
  await page.getByText('Thank you for three open days.').waitFor();
  await look(browser, state, `${at}/feedback`, 'team-feedback-given',
             (p) => p.getByText(/^Given on/).waitFor());
}

const browser = await launchChromium();
try {
  const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  await setPassword(page, leadLink, password);
  await signIn(page, leadEmail, password);
  const state = await context.storageState();
  await homeJourney(page, state, browser);
  await documentsJourney(page, state, browser);
  await fieldworkJourney(page, state, browser);
  await findingsJourney(page, state, browser);
  await resultsJourney(page, state, browser);
  await triangulationJourney(page, state, browser);

  // The peer drafts and withdraws, but neither agrees nor reopens.
  const peerContext = await browser.newContext({ bypassCSP: true });
  const peerPage = await peerContext.newPage();
  await signIn(peerPage, peerEmail, password);
  await peerPage.goto(`${base}${at}/findings/new`);
  await peerPage.getByLabel('Strength', { exact: true }).check();
  await peerPage.getByLabel('The finding in one line').fill('Partners trust each other');
  await peerPage.getByLabel('What the team found').fill('Partners share data freely.');
  await peerPage.getByRole('checkbox', { name: /^4\. / }).check();
  await submit(peerPage, 'Draft the finding');
  await success(peerPage, 'F3 is drafted');
  await peerPage.getByRole('button', { name: 'Withdraw F3' }).waitFor();
  if (await peerPage.getByRole('button', { name: /^(Agree|Reopen) / }).count()) {
    fail('a peer is offered Agree or Reopen');
  }
  await confirm(peerPage, 'Withdraw F3', 'Yes, withdraw F3 for good', 'F3 is withdrawn');
  await peerContext.close();

  await feedbackJourney(page, state, browser);
  await reportJourney(page, state, browser);
  await context.close();
} finally {
  await browser.close();
}
console.log('PASS: team');
