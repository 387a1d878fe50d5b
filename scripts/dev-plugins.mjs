// Plugins shared by `npm start` and the browser tests: TypeScript through esbuild, and the
// CommonJS-only dependencies made into ES modules for the browser.
//
// ajv is CommonJS with circular requires, which @rollup/plugin-commonjs cannot convert file by file;
// so ajv and ajv-formats are bundled once by esbuild (which handles both) and served from memory.
// Dexie's ESM wrapper imports its UMD build, which the commonjs plugin converts fine.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

// Resolve from core, which declares ajv: the root may hoist another major (eslint's ajv 6).
const coreDir = fileURLToPath(new URL('../packages/core/', import.meta.url));
const commonjs = fromRollup(rollupCommonjs);

export const nodeResolve = { exportConditions: ['source', 'browser', 'import', 'default'] };

/** Bare specifiers served as esbuild bundles; each exposes the module's default export. */
const bundled = {
  ajv: 'ajv',
  'ajv/dist/2020.js': 'ajv-2020',
  'ajv/dist/2020': 'ajv-2020',
  'ajv-formats': 'ajv-formats',
};
const prefix = '/__kehu_deps__/';
const codegen = 'export const { _, str, nil, stringify, Name, CodeGen, KeywordCxt } = m;\n';

function bundledDependencies() {
  let files;
  const load = async () => {
    const entries = [...new Set(Object.entries(bundled).map(([specifier, name]) => [name, specifier]))].filter(
      ([name], i, all) => all.findIndex(([n]) => n === name) === i,
    );
    const result = await build({
      stdin: undefined,
      entryPoints: entries.map(([name]) => ({ in: `kehu-dep:${name}`, out: name })),
      plugins: [
        {
          name: 'kehu-dep',
          setup(b) {
            b.onResolve({ filter: /^kehu-dep:/ }, (args) => ({ path: args.path, namespace: 'kehu-dep' }));
            b.onLoad({ filter: /.*/, namespace: 'kehu-dep' }, (args) => {
              const specifier = entries.find(([name]) => `kehu-dep:${name}` === args.path)[1];
              // ajv's code-generation helpers (for custom keywords) are properties of its export.
              const named = specifier.startsWith('ajv/') || specifier === 'ajv' ? codegen : '';
              return {
                contents: `import m from '${specifier}';\nexport default m;\n${named}`,
                resolveDir: coreDir,
                loader: 'js',
              };
            });
          },
        },
      ],
      bundle: true,
      splitting: true,
      format: 'esm',
      target: 'es2022',
      outdir: '/deps',
      write: false,
      logLevel: 'silent',
    });
    return new Map(result.outputFiles.map((f) => [f.path.replace('/deps/', ''), f.text]));
  };
  return {
    name: 'kehu-bundled-dependencies',
    resolveImport({ source }) {
      if (source in bundled) return `${prefix}${bundled[source]}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith(prefix)) return;
      files ??= load();
      const body = (await files).get(context.path.slice(prefix.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}

// ECharts and zrender guard dev-only checks with `process.env.NODE_ENV`, which bundlers replace;
// served unbundled there is no `process`, so the expression is replaced here.
function nodeEnvInECharts() {
  return {
    name: 'kehu-echarts-node-env',
    transform(context) {
      if (!/\/node_modules\/(echarts|zrender)\//.test(context.path) || typeof context.body !== 'string') return;
      if (context.body.includes('process.env.NODE_ENV'))
        return { body: context.body.replaceAll('process.env.NODE_ENV', '"production"') };
    },
  };
}

export function devPlugins() {
  return [
    bundledDependencies(),
    nodeEnvInECharts(),
    // papaparse ships only a UMD build; its Node-only `require('stream')` is never reached in browsers.
    commonjs({
      include: ['**/node_modules/dexie/dist/dexie.js', '**/node_modules/papaparse/papaparse.js'],
      ignore: ['stream'],
      strictRequires: false,
    }),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    }),
  ];
}
