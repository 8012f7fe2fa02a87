#!/usr/bin/env node
// `npm start`: the whole local stack in one command.
//  1. the extension, built into dist/ and rebuilt as the sources change (`--once`: build once, start nothing else);
//  2. anvil with the contracts deployed and the offer registry (src/stack/main.ts, built for Node into dist-stack/);
//  3. where a display exists, Chromium with the extension loaded.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { buildForNode } from './build-node.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, 'dist');
const once = process.argv.includes('--once');
const children = [];

function run(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping && code !== 0 && code !== null) {
      console.error(`${cmd} ${args.join(' ')} exited with ${code}`);
      stop(code);
    }
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

await build({ root: ROOT, logLevel: 'warn' });
console.log(`Extension built in ${DIST}
Load it: chrome://extensions → Developer mode → "Load unpacked" → choose that folder.`);
if (once) process.exit(0);

await buildForNode({ main: 'src/stack/main.ts', 'verify-worker': 'src/registry/verify-worker.ts' }, 'dist-stack');
run(process.execPath, [resolve(ROOT, 'dist-stack/main.js')]);
run('npx', ['--no-install', 'vite', 'build', '--watch', '--logLevel', 'warn']);

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
if (process.env.DISPLAY && chromium && !process.env.CI) {
  run(chromium, [`--load-extension=${DIST}`, '--no-first-run', '--user-data-dir=' + resolve(ROOT, '.data/chromium'), 'https://x.com/home'], { stdio: 'ignore' });
}
console.log('Watching for changes; reload the extension after a rebuild. Ctrl+C stops everything.');
