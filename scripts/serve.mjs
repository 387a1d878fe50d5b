// `npm start`: serves the demo CRM (and every other example) straight from the TypeScript sources.
// The demo keeps its data in the browser (IndexedDB through RxDB's Dexie storage); this server only
// serves files, plus /schemas/index.json so that a schema dropped into schemas/ appears in the demo.
import { startDevServer } from '@web/dev-server';
import { devPlugins, nodeResolve } from './dev-plugins.mjs';
import { readdirSync, readFileSync } from 'node:fs';
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

function home(context, next) {
  if (context.path === '/' || context.path === '/index.html') return context.redirect('/examples/demo/');
  return next();
}

/** Starts the server; tests pass `port: 0` (read `server.server.address().port`) and their own `schemas` folder. */
export async function serve({
  port = Number(process.env.PORT ?? 8000),
  quiet = false,
  schemas = join(root, 'schemas'),
} = {}) {
  return startDevServer({
    config: {
      rootDir: root,
      port,
      hostname: process.env.HOST ?? 'localhost',
      nodeResolve,
      middleware: [home, schemaFiles(schemas)],
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
  console.log(
    `\nKehu demo CRM: ${url}\nPlain-HTML embedding example: http://${server.config.hostname}:${server.config.port}/examples/plain-html/\n(Ctrl+C to stop; PORT=… to change the port)\n`,
  );
}
