#!/usr/bin/env node
// `npm run buyer -- <command>`: build the buyer CLI for Node into dist-buyer/ (vite in SSR mode: TypeScript
// compiled, npm packages left as imports), then run it with the remaining arguments. See src/buyer/args.ts.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = resolve(ROOT, 'dist-buyer');

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
    rollupOptions: { input: { main: resolve(ROOT, 'src/buyer/main.ts') }, output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});
// A process of its own, with the terminal: the CLI may ask before it pays.
const child = spawn(process.execPath, [resolve(OUT_DIR, 'main.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
