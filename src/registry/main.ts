// `npm run registry`: the offer registry with the configuration from the environment (see config.ts).
// Runs built (scripts/registry.mjs), with verify-worker.js beside this file.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chainLinkSummary } from './chain/link';
import { configFromEnv } from './config';
import { openDb } from './db/open';
import { createRegistry } from './server';
import { createCheckPool } from './verify-pool';

const config = configFromEnv(process.env);
const workerFile = join(dirname(fileURLToPath(import.meta.url)), 'verify-worker.js');
const pool = config.verifyThreads > 0 && existsSync(workerFile) ? createCheckPool(workerFile, config.verifyThreads) : undefined;
const db = await openDb(config);
const registry = await createRegistry({ db, config, checkBatch: pool?.check });
const where = db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
const checks = pool ? `${config.verifyThreads} verify thread(s)` : 'verifying on the main thread';
console.log(`Consentry registry on ${registry.url} — ${where}; chain ${config.chainId}, exchange ${config.exchangeAddress}; ${checks}`);
console.log(chainLinkSummary(config));

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await registry.close();
  await pool?.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
