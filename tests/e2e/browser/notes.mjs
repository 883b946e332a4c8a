// Evidence notes as the browser tests see them: whether a browser still
// holds any for upload, and what the server holds.

// Opens `url` (a notes page) and waits until nothing of this browser's
// waits to upload, nudging the app as the network's return would; fails,
// saying whose browser, if a note was set aside or is still waiting.
export async function drained(page, url, who, { check, fail }) {
  await page.goto(url);
  for (let i = 0; i < 20; i++) {
    if (await page.getByText('No notes are waiting to upload.').count()) {
      if (await page.getByText(/could not be uploaded/).count()) fail(`${who}'s browser set a note aside`);
      return;
    }
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(500);
  }
  await check(page, `notes-stuck-${who}`);
  fail(`${who}'s browser still has notes waiting`);
}

// Every note of ENGAGEMENT on the server, as the team lists them (page is
// signed in as one of the team), oldest first.
export async function notesOnServer(page, engagement) {
  const held = await page.evaluate(async (parent) => {
    const response = await fetch('/healthcheck.v1.EvidenceService/ListNotes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'connect-protocol-version': '1' },
      body: JSON.stringify({ parent, pageSize: 500 }),
    });
    return (await response.json()).notes ?? [];
  }, engagement);
  // RFC 3339 times with 0 to 9 digits of a second, made comparable as text.
  const sortable = (time) => time.replace(/(\.\d+)?Z$/, (end) =>
    `${(end.length > 1 ? end.slice(0, -1) : '.').padEnd(10, '0')}Z`);
  return held.sort((a, b) => sortable(a.createTime).localeCompare(sortable(b.createTime)));
}
