// Answers one questionnaire through Debian's chromium, as respondent.mjs
// describes. Exits non-zero, with one line on stderr, if anything is not as
// expected.
//
// Usage: node respond.mjs LINK CHOICE [keyboard|mouse] [SCREENSHOT_DIR]
import { launchChromium } from './launch.mjs';
import { failer } from './pages.mjs';
import { answer } from './respondent.mjs';

const [link, choice, mode = 'mouse', screenshots] = process.argv.slice(2);
const browser = await launchChromium();
try {
  await answer(browser, link, Number(choice), { mode, screenshots, fail: failer('respond') });
} finally {
  await browser.close();
}
