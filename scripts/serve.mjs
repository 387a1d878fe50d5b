// `npm start`: serves the demo CRM (and every other example) straight from the TypeScript sources.
// The demo keeps its data in the browser (IndexedDB through RxDB's Dexie storage); this server only
// serves files, plus /schemas/index.json so that a schema dropped into schemas/ appears in the demo.
import { startDevServer } from '@web/dev-server';
import { devPlugins, nodeResolve } from './dev-plugins.mjs';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Lists the entity files in schemas/ for the demo to load. */
function schemaIndex(context, next) {
  if (context.path !== '/schemas/index.json') return next();
  const files = readdirSync(new URL('../schemas/', import.meta.url)).filter((f) => f.endsWith('.schema.json')).sort();
  context.type = 'application/json';
  context.body = JSON.stringify(files);
}

function home(context, next) {
  if (context.path === '/' || context.path === '/index.html') return context.redirect('/examples/demo/');
  return next();
}

/** Starts the server; resolves with it (tests pass `port: 0` and read `server.config.port`). */
export async function serve({ port = Number(process.env.PORT ?? 8000), quiet = false } = {}) {
  return startDevServer({
    config: {
      rootDir: root,
      port,
      hostname: process.env.HOST ?? 'localhost',
      nodeResolve,
      middleware: [home, schemaIndex],
      plugins: devPlugins(),
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
  console.log(`\nKehu demo CRM: ${url}\nPlain-HTML embedding example: http://${server.config.hostname}:${server.config.port}/examples/plain-html/\n(Ctrl+C to stop; PORT=… to change the port)\n`);
}
