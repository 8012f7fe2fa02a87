// The registry benchmark (scripts/bench-registry.mjs builds and runs this): ingest rate of signed batches and
// query latency, on PGlite and on PostgreSQL. Prints a table and writes bench-results/registry.json (and
// registry-<offers>.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { BATCH_SIZE, generateSet, generatorWorker } from './generate';
import { printReport } from './report';
import { runDb, type DbRun } from './run-db';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}

async function main() {
  const here = fileURLToPath(import.meta.url);
  const root = resolve(dirname(here), '..');
  const offers = Number(arg('offers', '1000000'));
  const batches = Math.max(1, Math.ceil(offers / BATCH_SIZE));
  const dbs = arg('db', 'pglite,postgres').split(',') as DbRun['db'][];
  const queries = Number(arg('queries', '200'));
  const log = (s: string) => console.log(s);

  log(`generating ${batches + 1} batches of ${BATCH_SIZE} (one held back to ingest during queries)`);
  const set = await generateSet(join(root, '.data', 'bench-registry'), batches + 1, here);
  log(set.cached ? `  reusing ${set.dir}` : `  generated in ${(set.wallMs / 1000).toFixed(1)} s`);
  const runs: DbRun[] = [];
  for (const db of dbs) runs.push(await runDb(db, { root, mainJs: join(root, 'dist-registry', 'main.js'), set, batches, queries, log }));

  const result = { offers: batches * BATCH_SIZE, batchSize: BATCH_SIZE, generation: set, runs, at: new Date().toISOString() };
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  // The latest run, and one file per size so a quick run does not overwrite the full one.
  for (const name of ['registry.json', `registry-${result.offers}.json`]) writeFileSync(join(root, 'bench-results', name), JSON.stringify(result, null, 2));
  printReport(result);
}

if (isMainThread) await main();
else parentPort!.postMessage(await generatorWorker(workerData));
