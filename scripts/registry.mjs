#!/usr/bin/env node
// `npm run registry`: build the offer registry for Node into dist-registry/ (vite in SSR mode: TypeScript
// compiled, npm packages left as imports), then run it. Configuration comes from the environment; see
// src/registry/config.ts. `--build-only` stops after the build.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildForNode, ROOT } from './build-node.mjs';

export const OUT_DIR = resolve(ROOT, 'dist-registry');

/** Build the registry and its verify worker (and, with `bench`, the benchmark that drives it) into dist-registry/. */
export async function buildRegistry({ bench = false } = {}) {
  await buildForNode(
    {
      main: 'src/registry/main.ts',
      'verify-worker': 'src/registry/verify-worker.ts',
      ...(bench ? { bench: 'test/registry/bench/main.ts' } : {}),
    },
    'dist-registry',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildRegistry();
  if (!process.argv.includes('--build-only')) {
    // A process of its own, so the build tooling's memory is not kept for the registry's lifetime.
    const child = spawn(process.execPath, [resolve(OUT_DIR, 'main.js')], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  }
}
