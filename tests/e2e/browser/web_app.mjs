// The web app as a programme lead uses it, in Debian's chromium: is sent to
// sign in, signs in through the page, sees the home page listing every
// engagement, follows a row to its engagement, lists people, invites a peer
// (first with nothing filled in: every problem at its field and in the
// summary), gets their link, is refused a taken email at its field, and
// signs out. Every page is checked as pages.mjs checks them; screenshots go
// to OUT_DIR.
//
// Usage: node web_app.mjs BASE_URL EMAIL PASSWORD PARTNERSHIP_NAME OUT_DIR
import { launchChromium } from './launch.mjs';
import { failer, pageChecks } from './pages.mjs';

const [base, email, password, partnership, out] = process.argv.slice(2);
const fail = failer('web_app');
const { check } = pageChecks({ base, out, fail });

const browser = await launchChromium();
try {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  if (!new URL(page.url()).pathname.startsWith('/signin')) fail(`not sent to sign in: ${page.url()}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
  if (new URL(page.url()).pathname !== '/') fail(`signed in to ${page.url()}`);
  await page.getByRole('heading', { name: 'Engagements', level: 1 }).waitFor();
  const row = page.getByRole('link', { name: partnership }).first();
  await row.waitFor();

  // Inviting: nothing filled in, then a peer.
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${base}/app/people/invite`);
    await page.getByRole('button', { name: 'Invite and show their link' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('Enter their full name').waitFor();
    for (const text of ['Enter their email address', 'Choose their role']) {
      if (!(await summary.getByText(text).count())) fail(`the summary lacks "${text}"`);
    }
    const focused = await page.evaluate(() => document.activeElement?.className);
    if (!String(focused).includes('govuk-error-summary')) fail('the summary did not take the focus');
    await check(page, `invite-errors-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByLabel('Full name').fill('Eve Expired');
  await page.getByLabel('Email address').fill('eve@westshire.gov.uk');
  await page.getByLabel('Peer', { exact: true }).check();
  await page.getByLabel('Which peer they are')
    .selectOption({ label: 'Eve Expired, Westshire Fire and Rescue' });
  await page.getByRole('button', { name: 'Invite and show their link' }).click();
  await page.getByRole('heading', { name: 'Eve Expired is invited' }).waitFor();
  const link = await page.locator('code').textContent();
  if (!link.startsWith(`${base}/set-password?key=`)) fail(`no set-password link: ${link}`);
  await check(page, 'invited-1280');
  // The same email again is refused at the field.
  await page.goto(`${base}/app/people/invite`);
  await page.getByLabel('Full name').fill('Eve Again');
  await page.getByLabel('Email address').fill('EVE@westshire.gov.uk');
  await page.getByLabel('Programme lead').check();
  await page.getByRole('button', { name: 'Invite and show their link' }).click();
  await page.getByRole('alert').getByText('already has an account').waitFor();
  if (!(await page.locator('#email-error').count())) fail('the taken email is not shown at its field');
  await page.goto(`${base}/app/people`);
  await page.getByRole('row', { name: /Eve Expired.*Invited/ }).waitFor();

  await page.goto(`${base}/`);
  await row.click();
  await page.getByRole('heading', { name: partnership, level: 1 }).waitFor();
  if (!new URL(page.url()).pathname.startsWith('/app/engagements/')) {
    fail(`the row led to ${page.url()}, not its engagement`);
  }
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign out' }).click()]);
  await page.goto(`${base}/`);
  if (!new URL(page.url()).pathname.startsWith('/signin')) fail('still signed in after signing out');
  console.log('web_app: every page passes axe-core at 1280 px, 320 px and 200% zoom; ' +
              'an invitation was refused with its problems at their fields, then made');
} finally {
  await browser.close();
}
