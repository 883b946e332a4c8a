// What every web-app browser test checks of a page, and how it signs in.
//
// check(page, name): once the page has loaded what it shows, axe-core finds
// no WCAG 2.2 A or AA violation, nothing is wider than the window; a
// screenshot goes to OUT/name.png.
// look(browser, state, path, name, ready): the page at `path`, opened fresh
// at 1280 px, at 320 px and at 200% zoom (640 CSS px), passes check(), its
// first Tab reaches the skip link, and it asks nothing of another origin.
// submit(page, button): presses a form's button and waits for the next page.
// success(page, text): the success banner says `text`.
// fieldError(page, id, text): the field says `text`, and so does the summary.
import { AxeBuilder } from '@axe-core/playwright';

export function failer(test) {
  return (message) => {
    console.error(`${test}: ${message}`);
    process.exit(1);
  };
}

const widths = [{ name: '1280', width: 1280, scale: 1 }, { name: '320', width: 320, scale: 1 },
                { name: 'zoom200', width: 640, scale: 2 }];

export function pageChecks({ base, out, fail }) {
  const origin = new URL(base).origin;

  async function check(page, name) {
    await page.getByText('Loading…', { exact: true }).waitFor({ state: 'detached', timeout: 10000 })
      .catch(() => fail(`${name} is still loading`));
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    if (results.violations.length) {
      fail(`${name}: ${results.violations.map((v) => `${v.id} (${v.nodes.length}: ${
        v.nodes[0]?.target})`).join(', ')}`);
    }
    const [scrollWidth, innerWidth] =
      await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    if (scrollWidth > innerWidth) fail(`${name} is ${scrollWidth} px wide in ${innerWidth}`);
    const [title, heading] = await page.evaluate(
      () => [document.title, document.querySelector('h1')?.textContent?.trim() ?? '']);
    if (!heading || !title.includes(heading)) fail(`${name}: the title "${title}" is not its page's`);
  }

  // The widths are looked at side by side, each in its own context.
  async function look(browser, state, path, name, ready) {
    await Promise.all(widths.map(async ({ name: size, width, scale }) => {
      const context = await browser.newContext({
        viewport: { width, height: 900 }, deviceScaleFactor: scale, bypassCSP: true,
        storageState: state,
      });
      const page = await context.newPage();
      const foreign = [];
      page.on('request', (request) => {
        if (new URL(request.url()).origin !== origin) foreign.push(request.url());
      });
      await page.goto(`${base}${path}`);
      await ready(page);
      await check(page, `${name}-${size}`);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
      if (focused !== 'Skip to main content') {
        fail(`${name} at ${size}: the first Tab reached "${focused}"`);
      }
      if (foreign.length) fail(`${name} at ${size} asked another origin for ${foreign.join(', ')}`);
      await context.close();
    }));
  }

  // Presses a form's button and waits for the next page; staying on this one
  // fails the test, saying the problem shown.
  async function submit(page, name) {
    try {
      await Promise.all([page.waitForNavigation({ timeout: 10000 }),
                         page.getByRole('button', { name }).click()]);
    } catch {
      await page.screenshot({ path: `${out}/failed-${name.replace(/\W+/g, '-')}.png`, fullPage: true });
      const summary = page.locator('.govuk-error-summary');
      fail(`"${name}" led nowhere: ${await summary.count() ? await summary.textContent() : 'no problem shown'}`);
    }
  }

  async function success(page, text) {
    await page.locator('.govuk-notification-banner--success').getByText(text).waitFor();
  }

  // The message at a field, which must also be in the error summary.
  async function fieldError(page, id, text) {
    const at = page.locator(`#${id}-error`);
    try {
      await at.filter({ hasText: text }).waitFor({ timeout: 5000 });
    } catch {
      fail(`#${id} says "${await at.textContent().catch(() => 'nothing')}", not "${text}"`);
    }
    const summary = await page.locator('.govuk-error-summary').textContent();
    if (!summary.includes(text)) fail(`the error summary lacks "${text}"`);
    return at.textContent();
  }

  // Signs in through the sign-in page, as a person does.
  async function signIn(page, email, password) {
    await page.goto(`${base}/signin`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('button', { name: 'Sign in' }).click()]);
    if (new URL(page.url()).pathname !== '/') {
      await page.screenshot({ path: `${out}/failed-sign-in.png`, fullPage: true });
      fail(`signing in led to ${page.url()}`);
    }
  }

  // Sets a password with a set-password link, as a new person does (the
  // first programme lead also gives their email address).
  async function setPassword(page, link, password, email) {
    await page.goto(link);
    if (email) await page.getByLabel('Your email address').fill(email);
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('Confirm the new password').fill(password);
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('button', { name: 'Set password' }).click()]);
    if (new URL(page.url()).pathname !== '/signin') {
      await page.screenshot({ path: `${out}/failed-set-password.png`, fullPage: true });
      fail(`setting a password led to ${page.url()}`);
    }
  }

  return { check, look, signIn, setPassword, submit, success, fieldError };
}
