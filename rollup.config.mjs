// ESM bundles + .d.ts for every workspace package, derived from each package.json: an entry is built for
// every `exports` subpath whose `source` file exists and for every `bin` (dist/x/y.js ← src/x/y.ts).
// Declarations come from the TypeScript compiler through @rollup/plugin-typescript, written next to the
// bundles (src/a/b.ts → dist/a/b.d.ts), so each `types` target sits beside its `import` target.
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, readdirSync, chmodSync, rmSync } from 'node:fs';
import { join, relative, resolve, dirname, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import typescript from '@rollup/plugin-typescript';
import json from '@rollup/plugin-json';

const root = dirname(fileURLToPath(import.meta.url));

/** Workspaces in build order: components' declarations read core's built `dist/index.d.ts`. */
const packages = ['packages/core', 'packages/components'];

/** Files that are never part of a published bundle or its declarations. */
const notShipped = ['**/*.test.ts', '**/*.stories.ts', '**/*.bench.ts', '**/*.d.ts', '**/test-support/**'];

/** Imports that must never reach a bundle, even as an external import: consumers would ship them. */
const forbiddenImports = [/^rxdb\/plugins\/dev-mode(\/|$)/];

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

export default packages.flatMap(packageConfig);

function packageConfig(packageDir) {
  const dir = join(root, packageDir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const { input, missing } = entries(dir, manifest);
  for (const { name, source } of missing) {
    console.warn(`rollup.config: ${manifest.name} entry '${name}' skipped: ${source} does not exist yet`);
  }
  if (Object.keys(input).length === 0) return [];

  const deps = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ];
  const isExternal = (id) => builtins.has(id) || deps.some((dep) => id === dep || id.startsWith(`${dep}/`));
  const executables = new Set(binEntryNames(manifest));
  const outDir = join(dir, 'dist');

  return {
    input,
    // Checked before any resolution, so `@kehu/core` stays a bare import even though tsconfig maps it.
    external: (id) => isExternal(id),
    plugins: [
      cleanDist(outDir),
      guardImports(manifest.name),
      json({ preferConst: true }),
      typescript({
        tsconfig: join(root, 'tsconfig.json'),
        include: [`${packageDir}/src/**/*.ts`],
        exclude: notShipped.map((glob) => `${packageDir}/src/${glob}`),
        filterRoot: root,
        compilerOptions: {
          rootDir: join(dir, 'src'),
          outDir,
          declaration: true,
          declarationDir: outDir,
          declarationMap: false,
          sourceMap: true,
          noEmit: false,
          emitDeclarationOnly: false,
          // Other workspaces resolve through node_modules to their built `types`, never to their sources:
          // the declarations then import `@kehu/core` by name instead of copying its files.
          paths: {},
        },
      }),
      pruneDeclarations(),
      executableBins(outDir, executables),
      checkExportsMap(dir, manifest),
      workerBundles(dir, outDir),
    ],
    output: {
      dir: outDir,
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      banner: (chunk) => (chunk.isEntry && executables.has(chunk.name) ? '#!/usr/bin/env node' : ''),
    },
    onwarn(warning, warn) {
      // A bare import that is neither declared nor resolvable would be silently left external: fail instead.
      if (warning.code === 'UNRESOLVED_IMPORT') {
        throw new Error(
          `${manifest.name}: '${warning.exporter}' imported by ${relative(root, warning.id ?? '')} ` +
            `is not in its package.json dependencies`,
        );
      }
      warn(warning);
    },
  };
}

/**
 * Web Workers (`src/<folder>/<name>.worker.ts`) as self-contained modules next to their folder in `dist`
 * (`dist/import-wizard/import.worker.js`): a module worker has no import map, so `@kehu/core` and
 * its libraries are bundled into it (by esbuild, which also reads papaparse's UMD build) rather than
 * left as bare imports. The page finds it at `../<folder>/<name>.worker.js` from any chunk.
 */
function workerBundles(dir, outDir) {
  return {
    name: 'kehu-worker-bundles',
    async writeBundle() {
      const { readdirSync } = await import('node:fs');
      const workers = readdirSync(join(dir, 'src'), { recursive: true })
        .map((file) => posix.join('src', String(file).split('\\').join('/')))
        .filter((file) => file.endsWith('.worker.ts'));
      if (!workers.length) return;
      const { build } = await import('esbuild');
      await Promise.all(
        workers.map((file) =>
          build({
            entryPoints: [join(dir, file)],
            outfile: join(outDir, file.replace(/^src\//, '').replace(/\.ts$/, '.js')),
            bundle: true,
            format: 'esm',
            platform: 'browser',
            target: 'es2022',
            minify: true,
            sourcemap: true,
            tsconfig: join(root, 'tsconfig.json'),
            define: { 'process.env.NODE_ENV': '"production"' },
            logLevel: 'warning',
          }),
        ),
      );
    },
  };
}

/** `{ 'index': '/…/src/index.ts', 'cli/kehu': '/…/src/cli/kehu.ts' }` from `exports` sources and `bin`. */
function entries(dir, manifest) {
  const wanted = new Map();
  for (const target of Object.values(manifest.exports ?? {})) {
    if (typeof target !== 'object' || !target.source || !target.import) continue;
    for (const [source, output] of expandPattern(dir, target.source, target.import)) {
      wanted.set(entryName(output), source);
    }
  }
  for (const name of binEntryNames(manifest)) wanted.set(name, `./src/${name}.ts`);

  const input = {};
  const missing = [];
  for (const [name, source] of wanted) {
    const file = resolve(dir, source);
    if (existsSync(file)) input[name] = file;
    else missing.push({ name, source: relative(root, file) });
  }
  return { input, missing };
}

/**
 * A subpath pattern's source and output for every folder of `src` holding the file: the pattern
 * `./src/<star>/define.ts` gives `[['./src/record-list/define.ts', './dist/record-list/define.js'], …]`
 * (one folder level, where the element defines are). A plain subpath is itself.
 */
function expandPattern(dir, source, output) {
  if (!source.includes('*')) return [[source, output]];
  const [before, after] = source.split('*');
  const base = resolve(dir, before);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(base, `${entry.name}${after}`)))
    .map((entry) => [source.replace('*', entry.name), output.replace('*', entry.name)]);
}

function binEntryNames(manifest) {
  const bin = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
  return Object.values(bin).map(entryName);
}

/** `./dist/cli/kehu.js` → `cli/kehu` */
function entryName(distPath) {
  const match = /^\.\/dist\/(.+)\.js$/.exec(distPath);
  if (!match) throw new Error(`rollup.config: expected ./dist/….js, got ${distPath}`);
  return match[1];
}

/** Stale modules from renamed or deleted sources would otherwise linger in the published `dist`. */
function cleanDist(outDir) {
  return {
    name: 'kehu-clean-dist',
    buildStart() {
      if (this.meta.watchMode) return;
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Fails the build when a shipped module imports something that must stay out of bundles (RxDB dev-mode). */
function guardImports(packageName) {
  return {
    name: 'kehu-guard-imports',
    // Checked on the module graph, not in resolveId: external imports (all of `rxdb/*`) skip resolution.
    buildEnd(error) {
      if (error) return;
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        if (!info || info.isExternal) continue;
        for (const imported of [...info.importedIds, ...info.dynamicallyImportedIds]) {
          if (forbiddenImports.some((pattern) => pattern.test(imported))) {
            this.error(
              `${packageName}: ${relative(root, id)} imports '${imported}', which must never ship in a bundle ` +
                `(enable it from tests or the host app instead)`,
            );
          }
        }
      }
    },
  };
}

/**
 * TypeScript declares every file under `src/` (test helpers included); keep only the `.d.ts` files the
 * entries' declarations reach through relative imports, so `dist` holds exactly the public types.
 */
function pruneDeclarations() {
  const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|<reference\s+path=)['"](\.{1,2}\/[^'"]+)['"]/g;
  return {
    name: 'kehu-prune-declarations',
    generateBundle(_options, bundle) {
      const declarations = new Set(Object.keys(bundle).filter((name) => name.endsWith('.d.ts')));
      const entries = Object.values(bundle).filter((file) => file.type === 'chunk' && file.isEntry);
      const pending = entries.map((chunk) => `${chunk.name}.d.ts`);
      const reached = new Set();
      while (pending.length > 0) {
        const fileName = pending.pop();
        if (reached.has(fileName) || !declarations.has(fileName)) continue;
        reached.add(fileName);
        const source = String(bundle[fileName].source);
        for (const [, target] of source.matchAll(specifier)) {
          const base = posix.join(posix.dirname(fileName), target).replace(/\.(d\.ts|ts|js)$/, '');
          pending.push(`${base}.d.ts`, `${base}/index.d.ts`);
        }
      }
      for (const fileName of declarations) if (!reached.has(fileName)) delete bundle[fileName];
    },
  };
}

/** npm sets the bit on install; setting it here lets `node_modules/.bin/kehu` work straight from a build. */
function executableBins(outDir, names) {
  return {
    name: 'kehu-executable-bins',
    writeBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && names.has(chunk.name)) {
          chmodSync(join(outDir, chunk.fileName), 0o755);
        }
      }
    },
  };
}

/** After writing, every `import`/`types` target of a built entry must exist, or the package would not resolve. */
function checkExportsMap(dir, manifest) {
  return {
    name: 'kehu-check-exports',
    writeBundle() {
      for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
        if (typeof target !== 'object' || !target.source || !existsSync(resolve(dir, target.source))) continue;
        for (const condition of ['import', 'types']) {
          if (target[condition] && !existsSync(resolve(dir, target[condition]))) {
            this.error(`${manifest.name}: exports['${subpath}'].${condition} → ${target[condition]} was not produced`);
          }
        }
      }
    },
  };
}
