// Builds the framework host examples (examples/react, examples/vue) the way a host developer would:
// they import `@kehu/core` and `@kehu/components` by name, which resolve to the packages' built `dist/`
// (ESM with bare imports of lit, rxdb, dexie, ajv…), and a bundler (esbuild) makes one file per app.
// Output goes to examples/<host>/dist/ (gitignored). `npm run build:hosts` runs it; the hosts' tests
// call `buildHostApps()`, which rebuilds the packages only when a source is newer than their `dist`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const lock = join(root, '.tmp/host-apps.lock');

/** The host apps: entry module → bundle. */
export const hosts = {
  react: { entry: 'examples/react/app.jsx', out: 'examples/react/dist/app.js' },
  vue: { entry: 'examples/vue/main.js', out: 'examples/vue/dist/app.js' },
};

/** Newest modification time of the files under `dir` that end up in a bundle. */
function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) time = Math.max(time, newest(path));
    else if (!/\.(test|stories)\.ts$/.test(entry.name)) time = Math.max(time, statSync(path).mtimeMs);
  }
  return time;
}

/** The packages' `dist/` is stale when it is missing or older than any shipped source, schema or config. */
function packagesAreStale() {
  const built = ['packages/core/dist/index.js', 'packages/components/dist/define.js'].map((f) => join(root, f));
  if (!built.every(existsSync)) return true;
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
  // The manifests count too: `exports` and `sideEffects` decide what a host's bundler keeps.
  const sources = Math.max(
    newest(join(root, 'packages/core/src')),
    newest(join(root, 'packages/components/src')),
    statSync(join(root, 'rollup.config.mjs')).mtimeMs,
    statSync(join(root, 'packages/core/package.json')).mtimeMs,
    statSync(join(root, 'packages/components/package.json')).mtimeMs,
  );
  return sources > builtAt;
}

/** `npm run build`'s bundling step (rollup), without the manifest the hosts do not need. */
function buildPackages() {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stdout}\n${run.stderr}`);
}

/**
 * Compiles `.vue` single-file components as @vitejs/plugin-vue would, with the one option a
 * custom-element host needs: `isCustomElement`, so Vue leaves `<kehu-*>` to the browser instead of
 * looking for Vue components of that name.
 */
const vueSingleFileComponents = {
  name: 'vue-sfc',
  setup(b) {
    b.onLoad({ filter: /\.vue$/ }, async (args) => {
      const { parse, compileScript } = await import('vue/compiler-sfc');
      const source = readFileSync(args.path, 'utf8');
      const { descriptor, errors } = parse(source, { filename: args.path });
      if (errors.length) return { errors: errors.map((e) => ({ text: String(e.message ?? e) })) };
      if (descriptor.styles.length) return { errors: [{ text: 'host examples keep their CSS in index.html' }] };
      const id = createHash('sha256').update(args.path).digest('hex').slice(0, 8);
      const script = compileScript(descriptor, {
        id,
        inlineTemplate: true,
        templateOptions: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('kehu-') } },
      });
      return { contents: script.content, loader: 'js', resolveDir: join(args.path, '..') };
    });
  },
};

/** Bundles both host apps in one esbuild run (~1 s); returns the bundles' sizes in bytes. */
export async function bundleHosts() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.values(hosts).map(({ entry, out }) => ({ in: entry, out: out.replace(/\.js$/, '') })),
    outdir: root,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    // rollup hoists `import '@kehu/core'` / `import 'ajv'` into entry chunks for load order only;
    // those packages are side-effect free, so esbuild dropping the bare imports is right.
    logOverride: { 'ignored-bare-import': 'silent' },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    // The repo's tsconfig maps `@kehu/core` to its sources for development; a host resolves packages.
    tsconfigRaw: {},
    plugins: [vueSingleFileComponents],
  });
  return Object.fromEntries(
    Object.entries(result.metafile.outputs)
      .filter(([file]) => file.endsWith('.js'))
      .map(([file, { bytes }]) => [file, bytes]),
  );
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Builds the packages (if stale) and both host apps, once even when several test files ask at the
 * same time: a lock directory in .tmp/ makes the others wait and then find everything fresh.
 */
export async function buildHostApps({ log = () => {} } = {}) {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes was left by a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true });
      if (waited > 180_000) throw new Error(`gave up waiting for ${relative(root, lock)}`);
      await sleep(250);
    }
  }
  try {
    const stamp = join(root, '.tmp/host-apps.built');
    const hostSources = Math.max(newest(join(root, 'examples/react')), newest(join(root, 'examples/vue')));
    let started = performance.now();
    if (packagesAreStale()) {
      buildPackages();
      log(`packages built in ${Math.round(performance.now() - started)} ms`);
    }
    const bundled = Object.values(hosts).every(({ out }) => existsSync(join(root, out)));
    const stampTime = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
    const packagesTime = statSync(join(root, 'packages/components/dist/define.js')).mtimeMs;
    if (!bundled || stampTime < Math.max(hostSources, packagesTime)) {
      started = performance.now();
      const sizes = await bundleHosts();
      writeFileSync(stamp, JSON.stringify(sizes));
      log(`host apps bundled in ${Math.round(performance.now() - started)} ms`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.map': 'application/json',
  '.json': 'application/json',
};

/**
 * Serves the files under `dir` over HTTP on 127.0.0.1, as any static host would: the built apps need
 * nothing else. Resolves to the server and its base URL.
 */
export function serveFiles(dir) {
  const server = createServer((request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${server.address().port}` })),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildHostApps({ log: console.log });
  console.log(
    'Built examples/react/dist and examples/vue/dist. With `npm start` running, open\n' +
      '  http://localhost:8000/examples/react/\n  http://localhost:8000/examples/vue/',
  );
}
