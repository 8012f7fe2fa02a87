#!/usr/bin/env node
// `npm run demo [-- outDir]`: build the extension into dist/, then run the whole loop headless (src/demo/main.ts,
// built for Node by scripts/run-ts.mjs): chain, registry, extension opt-ins, a buyer's purchase, the popup's earnings.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
await build({ root: ROOT, logLevel: 'warn' });
const r = spawnSync(process.execPath, [resolve(ROOT, 'scripts/run-ts.mjs'), 'src/demo/main.ts', ...process.argv.slice(2)], { stdio: 'inherit', cwd: ROOT });
process.exit(r.status ?? 1);
