// Signs in as a person does, in Debian's chromium: opens /programme, is sent
// to the sign-in page, types the token, submits, and sees the dashboard.
// Then a page of another origin posts the same sign-in form to the server
// (as a cross-site attacker would): it must be refused and leave no session.
//
// Usage: node sign_in.mjs BASE_URL TOKEN [SCREENSHOT_DIR]
// Exits non-zero, with one line on stderr, if anything is not as expected.
import { launchChromium } from './launch.mjs';

const [base, token, screenshots] = process.argv.slice(2);

function fail(message) {
  console.error(`sign_in: ${message}`);
  process.exit(1);
}

const browser = await launchChromium();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/programme`);
  if (!new URL(page.url()).pathname.startsWith('/signin')) fail(`not sent to sign in: ${page.url()}`);
  if (screenshots) await page.screenshot({ path: `${screenshots}/signin.png`, fullPage: true });
  await page.getByLabel('Access token').fill(token);
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  if (!response || response.status() !== 200) fail(`signing in answered ${response && response.status()}`);
  if (new URL(page.url()).pathname !== '/programme') fail(`signed in to ${page.url()}`);
  if (!(await page.getByRole('heading', { name: 'Programme dashboard' }).count())) {
    fail('the dashboard is not shown after signing in');
  }

  // The same form, posted from a page that is not the server's.
  const other = await browser.newContext();
  const attacker = await other.newPage();
  await attacker.setContent(
    `<form method="post" action="${base}/signin">` +
    `<input name="token" value="${token}"><input name="next" value="/programme"></form>`);
  const [refused] = await Promise.all([
    attacker.waitForNavigation(),
    attacker.evaluate(() => document.forms[0].submit()),
  ]);
  if (!refused || refused.status() !== 403) {
    fail(`a sign-in posted from another origin answered ${refused && refused.status()}`);
  }
  const cookies = await other.cookies(base);
  if (cookies.length !== 0) fail(`a cross-origin sign-in set ${cookies.map((c) => c.name)}`);
  console.log('sign_in: signed in through the page; the cross-origin post was refused');
} finally {
  await browser.close();
}
