// Bundles the peer pages (rjsf, JSON Forms: React and CommonJS throughout) with esbuild into
// bench/peers/dist/ (ignored by git, ESLint and Prettier through `dist/`), which the bench page
// imports. The dev server serves Kehu from its sources; the peers get a production build, as an
// application would ship them.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const PEERS = ['rjsf', 'jsonforms'];

/** Builds every peer's bundle; returns how long it took, in milliseconds. */
export async function buildPeers() {
  const started = performance.now();
  await build({
    entryPoints: PEERS.map((peer) => fileURLToPath(new URL(`./${peer}.mjs`, import.meta.url))),
    outdir: fileURLToPath(new URL('./dist/', import.meta.url)),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return performance.now() - started;
}
