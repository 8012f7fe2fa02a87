#!/usr/bin/env node
// `npm run buyer -- <command>`: build the buyer CLI for Node into dist-buyer/ (vite in SSR mode: TypeScript
// compiled, npm packages left as imports), then run it with the remaining arguments. See src/buyer/args.ts.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { buildForNode } from './build-node.mjs';

const OUT_DIR = await buildForNode({ main: 'src/buyer/main.ts' }, 'dist-buyer');
// A process of its own, with the terminal: the CLI may ask before it pays.
const child = spawn(process.execPath, [resolve(OUT_DIR, 'main.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
