#!/usr/bin/env node
// `npm test`: lint and type-check, build the extension, then every test (unit and end-to-end in Chromium).
// Ends with one plain summary line "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;
const npx = (...args) => run('npx', ['--no-install', ...args]);

const steps = [
  ['lint', () => npx('eslint', '.')],
  ['typecheck', () => npx('tsc', '--noEmit', '-p', '.')],
  ['build', () => npx('vite', 'build', '--logLevel', 'warn')],
];
for (const [name, step] of steps) {
  if (step() !== 0) {
    console.error(`\n${name} failed`);
    console.log('tests: 0 passed, 1 failed');
    process.exit(1);
  }
}

mkdirSync('test-results', { recursive: true });
const extra = process.argv.slice(2);
const status = npx('vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...extra);
let summary = 'tests: 0 passed, 1 failed';
try {
  const r = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
} catch {
  // no report: the run itself failed before testing
}
console.log(`\n${summary}`);
process.exit(status);
