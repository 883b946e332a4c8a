// Debian's chromium, headless, as every browser test starts it (the flags
// keep it off the network it cannot reach here).
import { chromium } from 'playwright-core';

const options = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export function launchChromium() {
  return chromium.launch(options);
}

// A browser whose profile (cookies, storage, service workers) is kept in
// `dir`, so that closing it and launching it again is a restarted browser.
export function launchChromiumWithProfile(dir, contextOptions = {}) {
  return chromium.launchPersistentContext(dir, { ...options, ...contextOptions });
}
