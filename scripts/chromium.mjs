import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** Path to a Chromium; installs Debian's when missing and we are root, else says exactly what to do. */
export function chromiumPath({ install = false } = {}) {
  const found = candidates.find((p) => p && existsSync(p));
  if (found) return found;
  if (install && process.getuid?.() === 0) {
    console.log("Chromium is missing: installing Debian's chromium package (apt-get install -y chromium)…");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    "Kehu's element tests need Chromium and none was found.\n" +
      '  Debian/Ubuntu (as root): apt-get update && apt-get install -y chromium\n' +
      '  or set CHROME_PATH to a Chrome/Chromium executable.',
  );
}

/** Flags for headless Chromium here: no sandbox as root, no GPU, and no calls home (the network is closed). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
