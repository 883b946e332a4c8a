// The web app as a programme lead uses it, in Debian's chromium: signs in
// through the page, sees the home page listing every engagement, follows a
// row to its engagement, lists people, invites a peer (first with nothing
// filled in: every problem at its field and in the summary), gets their
// link, and signs out. Every page is checked at 1280 px, at
// 320 px and at 200% zoom (640 CSS px): axe-core finds no WCAG 2.2 A or AA
// violation, nothing is wider than the window, the first Tab reaches the
// skip link, and the page asks nothing of any other origin. Screenshots of
// each go to OUT_DIR.
//
// Usage: node web_app.mjs BASE_URL EMAIL PASSWORD PARTNERSHIP_NAME OUT_DIR
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium } from './launch.mjs';

const [base, email, password, partnership, out] = process.argv.slice(2);
const origin = new URL(base).origin;

function fail(message) {
  console.error(`web_app: ${message}`);
  process.exit(1);
}

const widths = [{ name: '1280', width: 1280, scale: 1 }, { name: '320', width: 320, scale: 1 },
                { name: 'zoom200', width: 640, scale: 2 }];

// axe-core, and nothing wider than the window, on the page as it is now.
async function check(page, name) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  if (results.violations.length) {
    fail(`${name}: ${results.violations.map((v) => `${v.id} (${v.nodes.length})`).join(', ')}`);
  }
  const [scrollWidth, innerWidth] =
    await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  if (scrollWidth > innerWidth) fail(`${name} is ${scrollWidth} px wide in ${innerWidth}`);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
}

// Checks the page now shown in every width; `name` names its screenshots.
async function look(browser, state, path, name, ready) {
  for (const { name: size, width, scale } of widths) {
    const context = await browser.newContext({
      viewport: { width, height: 900 }, deviceScaleFactor: scale, bypassCSP: true, storageState: state,
    });
    const page = await context.newPage();
    const foreign = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== origin) foreign.push(request.url());
    });
    await page.goto(`${base}${path}`);
    await ready(page);
    await page.screenshot({ path: `${out}/${name}-${size}.png`, fullPage: true });
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    if (results.violations.length) {
      fail(`${name} at ${size}: ${results.violations.map((v) => `${v.id} (${v.nodes.length})`).join(', ')}`);
    }
    const [scrollWidth, innerWidth] =
      await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    if (scrollWidth > innerWidth) fail(`${name} at ${size} is ${scrollWidth} px wide in ${innerWidth}`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused !== 'Skip to main content') fail(`${name} at ${size}: the first Tab reached "${focused}"`);
    if (foreign.length) fail(`${name} at ${size} asked another origin for ${foreign.join(', ')}`);
    await context.close();
  }
}

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
  await page.getByRole('heading', { name: 'Engagements' }).waitFor();
  const row = page.getByRole('link', { name: partnership });
  await row.waitFor();
  const engagementPath = new URL(await row.getAttribute('href'), base).pathname;
  const state = await context.storageState();

  await look(browser, state, '/', 'home', (p) => p.getByRole('heading', { name: 'Engagements' }).waitFor());
  await look(browser, state, engagementPath, 'engagement',
             (p) => p.getByRole('heading', { name: 'Review team' }).waitFor());
  await look(browser, state, '/app/people', 'people',
             (p) => p.getByRole('heading', { name: 'People', level: 1 }).waitFor());
  await look(browser, state, '/app/people/invite', 'invite',
             (p) => p.getByRole('heading', { name: 'Invite someone' }).waitFor());

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
  await page.getByLabel('Full name').fill('Lena Lead');
  await page.getByLabel('Email address').fill('lena@northshire.gov.uk');
  await page.getByLabel('Peer', { exact: true }).check();
  await page.getByLabel('Which peer they are').selectOption({ label: 'Lena Lead, Northshire Council' });
  await page.getByRole('button', { name: 'Invite and show their link' }).click();
  await page.getByRole('heading', { name: 'Lena Lead is invited' }).waitFor();
  const link = await page.locator('code').textContent();
  if (!link.startsWith(`${base}/set-password?key=`)) fail(`no set-password link: ${link}`);
  await check(page, 'invited-1280');
  // The same email again is refused at the field.
  await page.goto(`${base}/app/people/invite`);
  await page.getByLabel('Full name').fill('Lena Again');
  await page.getByLabel('Email address').fill('LENA@northshire.gov.uk');
  await page.getByLabel('Programme lead').check();
  await page.getByRole('button', { name: 'Invite and show their link' }).click();
  await page.getByRole('alert').getByText('already has an account').waitFor();
  if (!(await page.locator('#email-error').count())) fail('the taken email is not shown at its field');
  await page.goto(`${base}/app/people`);
  await page.getByRole('row', { name: /Lena Lead.*Invited/ }).waitFor();

  await page.goto(`${base}/`);
  await row.click();
  await page.getByRole('heading', { name: partnership, level: 1 }).waitFor();
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign out' }).click()]);
  await page.goto(`${base}/`);
  if (!new URL(page.url()).pathname.startsWith('/signin')) fail('still signed in after signing out');
  console.log('web_app: every page passes axe-core at 1280 px, 320 px and 200% zoom; ' +
              'an invitation was refused with its problems at their fields, then made');
} finally {
  await browser.close();
}
