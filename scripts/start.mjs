#!/usr/bin/env node
// `npm start`: build the extension into dist/ and keep rebuilding it as the sources change.
// Later parts of the local stack (chain, registry) start here too.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const dist = resolve('dist');
const once = process.argv.includes('--once');
const vite = spawn('npx', ['--no-install', 'vite', 'build', ...(once ? [] : ['--watch'])], { stdio: ['ignore', 'pipe', 'inherit'] });
let told = false;
vite.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!told && /built in/.test(String(chunk))) {
    told = true;
    console.log(`
Consentry is built in ${dist}
Load it: open chrome://extensions, switch on Developer mode, click "Load unpacked" and choose that folder.
${once ? '' : 'Watching for changes; reload the extension after a rebuild. Ctrl+C stops.'}`);
  }
});
vite.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => vite.kill(sig));
