// Runs before `npm start` and `npm test` so the README's two commands work on a fresh clone:
// installs the locked dependencies when they are missing. Uses nothing but Node itself.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const root = new URL('..', import.meta.url);
const installed =
  existsSync(new URL('node_modules/.package-lock.json', root)) &&
  existsSync(new URL('node_modules/rxdb/package.json', root));
if (!installed) {
  console.log('Dependencies are not installed yet: running `npm ci` once…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
