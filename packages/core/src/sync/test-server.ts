/**
 * Test support: the sync server (scripts/sync-server.mjs) as a real child process on loopback,
 * started and stopped by the test, so clients talk to it over HTTP as they would to CouchDB.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../../scripts/sync-server.mjs', import.meta.url));

export interface TestServer {
  /** Server root, with a trailing slash. */
  url: string;
  /** The records database URL. */
  db: string;
  admin: { name: string; password: string };
  /** Sends a request as `user` (admin by default) and returns status and JSON body. */
  request(
    method: string,
    path: string,
    body?: unknown,
    user?: { name: string; password: string },
  ): Promise<{ status: number; json: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- CouchDB answers vary per endpoint
  stop(): Promise<void>;
  /** Kills the process at once (`SIGKILL`: no shutdown, as a crash or power cut) and waits for it to exit. */
  kill(): Promise<void>;
}

/** Where and how to start: a fixed `port` (default any free one), LevelDB files in `dir` (default in memory). */
export interface TestServerOptions {
  port?: number;
  dir?: string;
  /** The server admin's password (default random); pass the same one to restart on a `dir`. */
  adminPassword?: string;
}

/** Demo users of the server script (password `kehu-demo`). */
export const demoUser = (name: string) => ({ name, password: 'kehu-demo' });

export async function spawnSyncServer(options: TestServerOptions = {}): Promise<TestServer> {
  const admin = { name: 'admin', password: options.adminPassword ?? `test-${Math.random().toString(36).slice(2)}` };
  const args = ['--port', String(options.port ?? 0), ...(options.dir ? ['--dir', options.dir] : [])];
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, KEHU_SYNC_ADMIN_PASSWORD: admin.password },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    once(child, 'exit').then(([code]) => {
      throw new Error(`sync server exited with ${String(code)} before listening`);
    }),
  ]);
  lines.on('line', () => {}); // keep draining stdout
  // Never leave the server behind when the test process dies early.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  const { url } = JSON.parse(first) as { url: string };
  const auth = (user: { name: string; password: string }) =>
    `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
  return {
    url,
    db: `${url}kehu`,
    admin,
    async request(method, path, body, user = admin) {
      const response = await fetch(url + path, {
        method,
        headers: { authorization: auth(user), 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    async stop() {
      process.removeListener('exit', orphan);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      process.removeListener('exit', orphan);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}
