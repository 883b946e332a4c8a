// One respondent answers a questionnaire through chromium with JavaScript
// turned off, as a respondent would: opens the invitation link, picks an
// answer in every question by its label (so every control must have one),
// writes a comment and, where a statement asks for them, an "Action needed"
// and "By whom?" entry on the first statement of each page, moves page by
// page, checks the review and submits; the used link then answers 410.
//
// answer(browser, link, choice, { mode, screenshots, fail })
//   choice: index of the answer to pick in every question (0 = first).
//   mode 'keyboard': select and move with the keyboard only (Space, Enter).
//   screenshots: a directory for a screenshot of every page, if given.
export async function answer(browser, link, choice, { mode = 'mouse', screenshots, fail }) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const opened = await page.goto(link);
    if (!opened || opened.status() !== 200) fail(`the link answered ${opened && opened.status()}`);

    for (let pageNumber = 1; pageNumber < 50; ++pageNumber) {
      if (await page.getByRole('heading', { name: 'Check and submit' }).count()) break;
      const groups = page.locator('fieldset');
      const count = await groups.count();
      const comment = page.getByLabel(/Comments/);
      if (count === 0 && !(await comment.count())) fail(`page ${pageNumber} has no questions`);
      for (let g = 0; g < count; ++g) {
        const radios = groups.nth(g).getByRole('radio');
        const options = await radios.count();
        const radio = radios.nth(Math.min(choice, options - 1));
        if (mode === 'keyboard') {
          await radio.focus();
          await page.keyboard.press('Space');
        } else {
          const id = await radio.getAttribute('id');
          await page.locator(`label[for="${id}"]`).click();
        }
        if (!(await radio.isChecked())) fail(`page ${pageNumber}: a choice did not stick`);
        const action = groups.nth(g).getByLabel('Action needed (optional)');
        if (g === 0 && (await action.count())) {
          await action.fill(`Action from page ${pageNumber}`);
          await groups.nth(g).getByLabel('By whom? (optional)').fill('Partnership board');
        }
      }
      if (await comment.count()) await comment.fill(`Comment from a respondent choosing ${choice}`);
      if (screenshots) {
        await page.screenshot({ path: `${screenshots}/page-${pageNumber}.png`, fullPage: true });
      }
      const next = page.getByRole('button', { name: 'Save and continue' });
      const before = page.url();
      if (mode === 'keyboard') {
        await next.focus();
        await page.keyboard.press('Enter');
      } else {
        await next.click();
      }
      await page.waitForURL((url) => url.toString() !== before);
    }
    if (!(await page.getByText('You have answered every question').count())) {
      fail('the review page says some questions are unanswered');
    }
    if (screenshots) await page.screenshot({ path: `${screenshots}/review.png`, fullPage: true });
    const review = page.url();
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await page.waitForURL((url) => url.toString() !== review);
    if (!(await page.getByRole('heading', { name: 'Thank you' }).count())) {
      fail('no thank-you page after submitting');
    }
    if (screenshots) await page.screenshot({ path: `${screenshots}/thanks.png`, fullPage: true });
    const again = await page.goto(link);
    if (!again || again.status() !== 410) fail(`a used link answered ${again && again.status()}`);
  } finally {
    await context.close();
  }
}
