// Row 10 of issue 8: how many gzip bytes Kehu's own code adds on top of the libraries it stands on.
// Measured with esbuild (minified, ES modules, browser, tree-shaken) from the packages' sources, in
// Node: bundle sizes do not depend on the browser.
//
// Three builds per host shape (everything, or a minimal host using only the provider, list and form):
//   - Kehu alone: every import of a third-party package left external, so the output is Kehu's own
//     code only (plus the import statements) — "Kehu's own code, gzip";
//   - Kehu with its libraries: the same entry with everything bundled — what a host downloads;
//   - the libraries bare: an entry re-exporting exactly the bindings Kehu imports from lit, rxdb,
//     dexie and the rest (read from the external build's metafile), bundled — the floor.
// "On top" is (Kehu with its libraries) − (the libraries bare), gzip.
//
//   node bench/bundle.mjs            prints the rows (also part of `npm run bench`)
//   node bench/bundle.mjs --inputs=30  also the 30 biggest source files of each host's up-front chunks
//                                      (minified bytes, from esbuild's metafile), Kehu's and its libraries'
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What a host imports: the whole element set, or the smallest useful screen. */
const hosts = {
  all: `export * from '@kehu/core'; export * from '@kehu/components'; import '@kehu/components/define.js';`,
  // Each element's define is a public subpath (`@kehu/components/<element>/define.js`).
  minimal: [
    `export { createStore, defineEntity } from '@kehu/core';`,
    `import '@kehu/components/store-provider/define.js';`,
    `import '@kehu/components/record-list/define.js';`,
    `import '@kehu/components/record-form/define.js';`,
  ].join('\n'),
};

const common = {
  bundle: true,
  write: false,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  // Lazily loaded code (ECharts, workers) lands in chunks a host only downloads when it is used.
  splitting: true,
  outdir: '/bench-bundle',
  conditions: ['source'],
  metafile: true,
  logLevel: 'silent',
  absWorkingDir: root,
  loader: { '.json': 'json' },
  define: { 'process.env.NODE_ENV': '"production"' },
};

/**
 * Gzip bytes of what a host downloads up front (the entry chunk and every chunk it imports
 * statically) and of the chunks only reached through `import()` (loaded when first used).
 */
function sizes(result) {
  const outputs = result.metafile.outputs;
  const gzipOf = new Map(result.outputFiles.map((f) => [f.path, gzipSync(f.contents, { level: 9 }).length]));
  const gz = (path) => gzipOf.get(`${common.outdir}/${path.split('/').pop()}`) ?? 0;
  // Every `import()` target is an entry point of its own to esbuild: the host's entry is stdin.
  const entry = Object.keys(outputs).find((path) => /^(<stdin>|host-entry\.ts)$/.test(outputs[path].entryPoint ?? ''));
  const upFront = new Set([entry]);
  for (const path of upFront) {
    for (const imported of outputs[path].imports) {
      if (imported.kind === 'import-statement' && !imported.external) upFront.add(imported.path);
    }
  }
  const js = Object.keys(outputs).filter((path) => path.endsWith('.js'));
  const sum = (paths) => paths.reduce((total, path) => total + gz(path), 0);
  // What the up-front chunks are made of, biggest first (`--inputs=N` prints them).
  const inputs = new Map();
  for (const path of upFront) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[path].inputs)) {
      inputs.set(input, (inputs.get(input) ?? 0) + bytesInOutput);
    }
  }
  return {
    bytes: [...upFront].reduce((total, path) => total + outputs[path].bytes, 0),
    gzip: sum([...upFront]),
    lazyGzip: sum(js.filter((path) => !upFront.has(path))),
    chunks: upFront.size,
    inputs: [...inputs].sort((a, b) => b[1] - a[1]),
  };
}

const isPackage = (path) => !path.startsWith('.') && !path.startsWith('/');

/** Bundles `contents` as the entry; `external` leaves every package import out. */
async function bundle(contents, { external }) {
  return build({
    ...common,
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'host-entry.ts' },
    plugins: external
      ? [
          {
            name: 'external-packages',
            setup(b) {
              // Kehu's own workspace packages are bundled; every other bare import stays external.
              b.onResolve({ filter: /^[^./]/ }, (args) =>
                args.path.startsWith('@kehu/') ? undefined : { path: args.path, external: true },
              );
            },
          },
        ]
      : [],
  });
}

/**
 * An entry importing from each third-party package exactly what Kehu's sources import from it: the
 * named bindings of every `import { … } from 'pkg'` in the files the external build took in, and the
 * side-effect or namespace imports as they are.
 */
function bareEntry(metafile) {
  const named = new Map();
  const whole = new Set();
  for (const path of Object.keys(metafile.inputs)) {
    if (!path.startsWith('packages/') || !path.endsWith('.ts')) continue;
    const source = readFileSync(`${root}${path}`, 'utf8');
    for (const match of source.matchAll(/import\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
      const [, typeOnly, clause, specifier] = match;
      if (typeOnly || !isPackage(specifier) || specifier.startsWith('@kehu/')) continue;
      const braces = /\{([^}]*)\}/.exec(clause);
      const names = (braces?.[1] ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith('type '))
        .map((n) => n.split(/\s+as\s+/)[0]);
      if (!named.has(specifier)) named.set(specifier, new Set());
      for (const name of names) named.get(specifier).add(name);
      const rest = clause
        .replace(/\{[^}]*\}/, '')
        .replace(/,/g, '')
        .trim();
      if (rest) whole.add(`${specifier}\u0000${rest}`);
    }
    for (const match of source.matchAll(/^import\s+['"]([^'"]+)['"]/gm)) if (isPackage(match[1])) whole.add(match[1]);
  }
  const lines = [];
  let index = 0;
  for (const [specifier, names] of named) {
    if (names.size)
      lines.push(`export { ${[...names].map((n) => `${n} as b${index++}`).join(', ')} } from '${specifier}';`);
  }
  for (const item of whole) {
    const [specifier, clause] = item.split('\u0000');
    if (clause === undefined) lines.push(`import '${specifier}';`);
    else if (clause.startsWith('* as ')) lines.push(`export * as b${index++} from '${specifier}';`);
    else lines.push(`export { default as b${index++} } from '${specifier}';`);
  }
  return lines.join('\n');
}

/** The bundle rows for one host shape: Kehu alone, Kehu with its libraries, the libraries bare. */
export async function measureHost(name) {
  const own = await bundle(hosts[name], { external: true });
  const full = await bundle(hosts[name], { external: false });
  const bare = await bundle(bareEntry(own.metafile), { external: false });
  return { host: name, own: sizes(own), full: sizes(full), bare: sizes(bare) };
}

/** Both host shapes, as table rows (sizes in KB; the ratio column carries the KB on top). */
export async function measureBundles() {
  const results = [];
  for (const name of Object.keys(hosts)) results.push(await measureHost(name));
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const top = Number(process.argv.find((arg) => arg.startsWith('--inputs='))?.slice('--inputs='.length) ?? 0);
  for (const r of await measureBundles()) {
    console.log(
      `${r.host}: Kehu's own code ${kb(r.own.gzip)} gzip (${kb(r.own.bytes)} min); with its libraries ${kb(r.full.gzip)} in ${r.full.chunks} up-front chunks; libraries bare ${kb(r.bare.gzip)}; on top ${kb(r.full.gzip - r.bare.gzip)}; lazy chunks ${kb(r.full.lazyGzip)}`,
    );
    for (const [input, bytes] of r.full.inputs.slice(0, top)) console.log(`  ${String(bytes).padStart(7)}  ${input}`);
  }
}
