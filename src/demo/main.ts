// `npm run demo`: the whole loop once, headless (see run.ts). Usage: main.js [outDir]. Exits 0 only when the
// popup's Earnings total is what the buyer paid and the licensor holds exactly that on chain.
import { relative } from 'node:path';
import { findRoot, runDemo } from './run';

const root = findRoot();
const started = Date.now();
try {
  const r = await runDemo({ root, outDir: process.argv[2] ?? 'demo-output' });
  const d = r.details;
  console.log(`
Consentry demo: ${r.ok ? 'OK' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s
  offers published   ${d.offersPublished} (licensor ${d.licensor})
  buyer paid         ${d.expectedShown} (${r.paid} base units, buyer ${d.buyer})
  licensor on chain  ${d.licensorBalance} base units
  popup shows        ${r.shown}
  screenshots        ${r.screenshots.map((p) => relative(root, p)).join(', ')}${d.problems.length ? `\n  problems           ${d.problems.join('; ')}` : ''}`);
  process.exit(r.ok ? 0 : 1);
} catch (e) {
  console.error(`Consentry demo failed: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
}
