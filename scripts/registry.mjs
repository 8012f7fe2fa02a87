#!/usr/bin/env node
// `npm run registry`: build the offer registry for Node into dist-registry/ (vite in SSR mode: TypeScript
// compiled, npm packages left as imports), then run it. Configuration comes from the environment; see
// src/registry/config.ts. `--build-only` stops after the build.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
export const OUT_DIR = resolve(ROOT, 'dist-registry');

/** Build the registry and its verify worker (and, with `bench`, the benchmark that drives it) into dist-registry/. */
export async function buildRegistry({ bench = false } = {}) {
  const input = {
    main: resolve(ROOT, 'src/registry/main.ts'),
    'verify-worker': resolve(ROOT, 'src/registry/verify-worker.ts'),
    ...(bench ? { bench: resolve(ROOT, 'test/registry/bench/main.ts') } : {}),
  };
  await build({
    root: ROOT,
    configFile: false, // not the extension's config: no crx plugin, no dist/
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir: OUT_DIR,
      emptyOutDir: true,
      rollupOptions: { input, output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  });
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
