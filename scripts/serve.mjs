// `npm start`: serves the demo CRM (and every other example) straight from the TypeScript sources.
// The demo keeps its data in the browser (IndexedDB through RxDB's Dexie storage); this server only
// serves files, plus /schemas/index.json so that a schema dropped into schemas/ appears in the demo,
// plus the demo's validators precompiled from those schemas, and the demo's strict CSP.
import { startDevServer } from '@web/dev-server';
import { tsImport } from 'tsx/esm/api';
import { devPlugins, nodeResolve } from './dev-plugins.mjs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Serves /schemas/index.json (the entity files in `dir`) and the files themselves, read fresh on every request. */
function schemaFiles(dir) {
  return (context, next) => {
    if (!context.path.startsWith('/schemas/')) return next();
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.schema.json'))
      .sort();
    const name = decodeURIComponent(context.path.slice('/schemas/'.length));
    if (name === 'index.json') context.body = JSON.stringify(files);
    else if (files.includes(name)) context.body = readFileSync(join(dir, name), 'utf8');
    else return next();
    context.type = 'application/json';
  };
}

/**
 * The strict Content-Security-Policy Kehu is held to: no inline script or style, no eval. Styles
 * come from files and Lit's constructable stylesheets (adoptedStyleSheets, which CSP allows);
 * `blob:` workers and images are for off-main-thread import/export and attachment previews.
 */
export const strictPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * What the demo is served with: the strict policy, with no exception. The demo's screens lay
 * themselves out with classes from an adopted stylesheet (examples/demo/screens/crm-styles.ts), never
 * `style="…"` attributes; run-time values go through the CSSOM. Kept as its own name so that the CSP
 * test (which also gets the strict policy as Report-Only) would notice if the two ever drifted.
 */
export const demoPolicy = strictPolicy;

/**
 * Sends the policy with the demo's pages (the other examples show embedding into hosts' own pages);
 * with `reportStrict`, also the strict policy as Report-Only, so tests see what it would refuse.
 */
const contentSecurityPolicy = (reportStrict) => (context, next) => {
  if (context.path.startsWith('/examples/demo/')) {
    context.set('Content-Security-Policy', demoPolicy);
    if (reportStrict) context.set('Content-Security-Policy-Report-Only', strictPolicy);
  }
  return next();
};

const validatorsPath = '/examples/demo/shipped-validators.js';

/**
 * Serves the demo's validators precompiled as standalone code (what `kehu generate --validators`
 * writes) from the entity files in `dir`, so shipped entities validate fast without eval under the
 * CSP. Generated here rather than committed: it is ~350 kB and must match the schemas exactly;
 * regenerated when an entity file changes. A plugin (not middleware) so that its `@kehu/core` import
 * is resolved like any other module's.
 */
function shippedValidators(dir) {
  let cached;
  const generate = async () => {
    const { loadEntityFiles } = await tsImport('../packages/core/src/cli/entity-files.ts', import.meta.url);
    const { standaloneValidatorsModule } = await tsImport(
      '../packages/core/src/validation/standalone.ts',
      import.meta.url,
    );
    // Files with problems are left out; the demo reports them itself.
    const entities = loadEntityFiles([dir])
      .map((file) => file.entity)
      .filter(Boolean);
    return standaloneValidatorsModule(entities);
  };
  return {
    name: 'kehu-shipped-validators',
    async serve(context) {
      if (context.path !== validatorsPath) return;
      const key = readdirSync(dir)
        .filter((f) => f.endsWith('.schema.json'))
        .sort()
        .map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`)
        .join('|');
      if (cached?.key !== key) cached = { key, body: generate() };
      return { body: await cached.body, type: 'js' };
    },
  };
}

/**
 * With a sync server (`sync`: its URL and the demo users' password), the demo syncs: `/couch/…` is
 * proxied to the server, so the page's CSP keeps `connect-src 'self'`, and
 * /examples/demo/sync.json tells the page where to sync (a file, not an inline script, under the CSP).
 */
function syncProxy({ url, database = 'kehu', password }) {
  const target = new URL(url);
  return (context, next) => {
    if (context.path === '/examples/demo/sync.json') {
      context.body = JSON.stringify({ url: `/couch/${database}`, password });
      context.type = 'application/json';
      return;
    }
    if (!context.path.startsWith('/couch/')) return next();
    context.respond = false; // streamed by hand: CouchDB long-polls must not be buffered
    return new Promise((resolve) => {
      const headers = { ...context.req.headers, host: target.host };
      const upstream = request(new URL(context.url.slice('/couch'.length), target), {
        method: context.method,
        headers,
      });
      upstream.on('response', (response) => {
        context.res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(context.res).on('finish', resolve);
      });
      upstream.on('error', (error) => {
        if (!context.res.headersSent) context.res.writeHead(502, { 'content-type': 'application/json' });
        context.res.end(JSON.stringify({ error: 'bad_gateway', reason: error.message }));
        resolve();
      });
      context.req.pipe(upstream);
    });
  };
}

function home(context, next) {
  if (context.path === '/' || context.path === '/index.html') return context.redirect('/examples/demo/');
  return next();
}

/**
 * Starts the server; tests pass `port: 0` (read `server.server.address().port`), their own
 * `schemas` folder, and `reportStrict` to have the strict CSP reported (see `demoPolicy`); `sync`
 * (default from KEHU_SYNC_URL / KEHU_SYNC_PASSWORD) makes the demo sync through it (`syncProxy`).
 */
export async function serve({
  port = Number(process.env.PORT ?? 8000),
  quiet = false,
  schemas = join(root, 'schemas'),
  reportStrict = false,
  sync = process.env.KEHU_SYNC_URL
    ? { url: process.env.KEHU_SYNC_URL, password: process.env.KEHU_SYNC_PASSWORD ?? 'kehu-demo' }
    : undefined,
} = {}) {
  return startDevServer({
    config: {
      rootDir: root,
      port,
      hostname: process.env.HOST ?? 'localhost',
      nodeResolve,
      middleware: [home, contentSecurityPolicy(reportStrict), ...(sync ? [syncProxy(sync)] : []), schemaFiles(schemas)],
      plugins: [shippedValidators(schemas), ...devPlugins()],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: !quiet,
    autoExitProcess: !quiet,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve();
  const url = `http://${server.config.hostname}:${server.config.port}/examples/demo/`;
  console.log(
    `\nKehu demo CRM: ${url}\nPlain-HTML embedding example: http://${server.config.hostname}:${server.config.port}/examples/plain-html/\n(Ctrl+C to stop; PORT=… to change the port)\n`,
  );
}
