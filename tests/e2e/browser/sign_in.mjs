// A new person's first visit, in Debian's chromium: opens their set-password
// link, is refused a mismatched pair of passwords (the error shown at the
// field and in a summary), sets a password, signs in with it from the page
// they were sent to, sees the home page (the programme dashboard, with each
// TEXT given) and signs out; the page then asks them to sign in again. Then a page of another origin posts the sign-in
// form to the server (as a cross-site attacker would): it must be refused
// and leave no session.
//
// Each page, and each with its errors, passes axe-core (WCAG 2.2 A/AA).
//
// Usage: node sign_in.mjs BASE_URL SET_PASSWORD_LINK EMAIL SCREENSHOT_DIR [TEXT...]
// Exits non-zero, with one line on stderr, if anything is not as expected.
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium } from './launch.mjs';

const [base, link, email, screenshots, ...texts] = process.argv.slice(2);
const password = 'violet harbour lantern';

function fail(message) {
  console.error(`sign_in: ${message}`);
  process.exit(1);
}

// A screenshot of the page, and axe-core's WCAG 2.2 A/AA check of it.
async function shoot(page, name) {
  if (screenshots) await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  if (results.violations.length) {
    fail(`${name}: ${results.violations.map((v) => `${v.id} (${v.nodes.length})`).join(', ')}`);
  }
}

async function submit(page, name) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name }).click(),
  ]);
  return response;
}

const browser = await launchChromium();
try {
  // bypassCSP lets axe-core into the page; the page itself is unchanged.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(link);
  await shoot(page, 'set-password');
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm the new password').fill(`${password}!`);
  let response = await submit(page, 'Set password');
  if (response.status() !== 400) fail(`a mismatch answered ${response.status()}`);
  if (!(await page.getByRole('alert').getByText('The passwords do not match').count())) {
    fail('the mismatch is not in the error summary');
  }
  await shoot(page, 'set-password-error');
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm the new password').fill(password);
  response = await submit(page, 'Set password');
  if (new URL(page.url()).pathname !== '/signin') fail(`after setting: ${page.url()}`);

  // The dashboard's old address leads home, and home to signing in.
  await page.goto(`${base}/programme`);
  if (!new URL(page.url()).pathname.startsWith('/signin')) fail(`not sent to sign in: ${page.url()}`);
  await shoot(page, 'signin');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('not my password');
  response = await submit(page, 'Sign in');
  if (response.status() !== 401) fail(`a wrong password answered ${response.status()}`);
  await shoot(page, 'signin-error');
  await page.getByLabel('Password').fill(password);
  response = await submit(page, 'Sign in');
  if (!response || response.status() !== 200) fail(`signing in answered ${response && response.status()}`);
  if (new URL(page.url()).pathname !== '/') fail(`signed in to ${page.url()}`);
  await page.getByRole('heading', { name: 'Engagements by stage' }).waitFor();
  for (const text of texts) {
    if (!(await page.getByText(text).count())) fail(`the dashboard lacks "${text}"`);
  }
  await shoot(page, 'dashboard');
  const [session] = await context.cookies(base);
  if (!session || !session.httpOnly || session.sameSite !== 'Strict') {
    fail(`the session cookie is not HttpOnly and SameSite=Strict: ${JSON.stringify(session)}`);
  }
  await submit(page, 'Sign out');
  await page.goto(`${base}/`);
  if (!new URL(page.url()).pathname.startsWith('/signin')) fail('still signed in after signing out');

  // The same form, posted from a page that is not the server's.
  const other = await browser.newContext();
  const attacker = await other.newPage();
  await attacker.setContent(
    `<form method="post" action="${base}/signin">` +
    `<input name="email" value="${email}"><input name="password" value="${password}">` +
    '<input name="next" value="/"></form>');
  const [refused] = await Promise.all([
    attacker.waitForNavigation(),
    attacker.evaluate(() => document.forms[0].submit()),
  ]);
  if (!refused || refused.status() !== 403) {
    fail(`a sign-in posted from another origin answered ${refused && refused.status()}`);
  }
  const cookies = await other.cookies(base);
  if (cookies.length !== 0) fail(`a cross-origin sign-in set ${cookies.map((c) => c.name)}`);
  console.log('sign_in: set a password and signed in and out through the pages; ' +
              'the cross-origin post was refused');
} finally {
  await browser.close();
}
