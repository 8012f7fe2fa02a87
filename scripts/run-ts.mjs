#!/usr/bin/env node
// Run one TypeScript entry under Node: built with vite in SSR mode (TypeScript compiled, packages left as imports)
// into dist-tools/, then executed with the remaining arguments. Used by the benchmarks and tools.
import { spawnSync } from 'node:child_process';
import { basename, resolve } from 'node:path';
import { buildForNode, ROOT } from './build-node.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: node scripts/run-ts.mjs <entry.ts> [args…]');
const name = basename(entry).replace(/\.ts$/, '');
await buildForNode({ [name]: entry }, 'dist-tools', { empty: false });
const r = spawnSync(process.execPath, [resolve(ROOT, 'dist-tools', `${name}.js`), ...args], { stdio: 'inherit', cwd: ROOT });
process.exit(r.status ?? 1);
