// `npm run registry`: the offer registry with the configuration from the environment (see config.ts).
import { configFromEnv } from './config';
import { openDb } from './db/open';
import { createRegistry } from './server';

const config = configFromEnv(process.env);
const db = await openDb(config);
const registry = await createRegistry({ db, config });
const where = db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
console.log(`Consentry registry on ${registry.url} — ${where}; chain ${config.chainId}, exchange ${config.exchangeAddress}`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await registry.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
