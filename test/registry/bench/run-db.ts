// One database's run: fresh storage, the registry in its own process, ingest, then queries.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { privateKeyToAccount } from 'viem/accounts';
import { startPostgres, type LocalPostgres } from '../postgres';
import { BATCH_SIZE, licensorKey, type GeneratedSet } from './generate';
import { ingest, type IngestResult } from './ingest';
import { measureDuringIngest, measureGetOne, measureQueries, type QueryStats } from './queries';
import { startRegistryProcess } from './registry-process';
import { measureSql, type SqlStats } from './sql-plans';

export interface DbRun {
  db: 'pglite' | 'postgres';
  ingest: Omit<IngestResult, 'sampleIds'>;
  queries: QueryStats[];
  /** PostgreSQL only: the database's own time for each combination (EXPLAIN ANALYZE). */
  sql?: SqlStats[];
  getOne: { n: number; p50: number; p99: number; max: number };
  duringIngest: { n: number; p50: number; p99: number; max: number };
  licensorRsl: { offers: number; ms: number; bytes: number };
  storedOffers: number;
  settings?: Record<string, string>;
}

/** Server settings for the benchmark's PostgreSQL: durable (fsync on), memory a small server would get. */
export const PG_SETTINGS = { shared_buffers: '1GB', effective_cache_size: '4GB', maintenance_work_mem: '256MB', max_wal_size: '4GB' };

export async function runDb(kind: DbRun['db'], opts: { root: string; mainJs: string; set: GeneratedSet; batches: number; queries: number; log: (s: string) => void }): Promise<DbRun> {
  const { root, mainJs, set, batches, log } = opts;
  let server: LocalPostgres | undefined;
  let dataDir: string | undefined;
  const env: Record<string, string> = {};
  if (kind === 'postgres') {
    server = await startPostgres({ fast: false, settings: PG_SETTINGS });
    env.DATABASE_URL = await server.freshDatabase();
  } else {
    dataDir = mkdtempSync(join(root, '.data', 'bench-registry', 'pglite-'));
    env.REGISTRY_DATA_DIR = dataDir;
  }
  const reg = await startRegistryProcess(mainJs, env);
  try {
    log(`${kind}: ingesting ${batches * BATCH_SIZE} offers`);
    const { sampleIds, ...ingested } = await ingest(reg.url, set.dir, 0, batches, log);
    if (env.DATABASE_URL) {
      // What autovacuum does on its own a little later; PGlite has no autovacuum and the registry analyzes itself.
      const c = new pg.Client({ connectionString: env.DATABASE_URL });
      await c.connect();
      await c.query('vacuum analyze offers');
      await c.end();
    }
    log(`${kind}: queries`);
    const queries = await measureQueries(reg.url, batches, batches * BATCH_SIZE, opts.queries);
    const sql = env.DATABASE_URL ? await measureSql(env.DATABASE_URL, batches, batches * BATCH_SIZE, opts.queries) : undefined;
    const getOne = await measureGetOne(reg.url, sampleIds, 200);
    const licensor = privateKeyToAccount(licensorKey(0)).address;
    const t0 = performance.now();
    const rsl = await (await fetch(`${reg.url}/v1/licensors/${licensor}/rsl.xml`)).text();
    const licensorRsl = { offers: rsl.split('<content ').length - 1, ms: performance.now() - t0, bytes: Buffer.byteLength(rsl) };
    log(`${kind}: queries while a batch of ${BATCH_SIZE} is ingested`);
    const duringIngest = await measureDuringIngest(reg.url, () => ingest(reg.url, set.dir, batches, batches + 1, () => {}));
    const storedOffers = ((await (await fetch(`${reg.url}/health`)).json()) as { offers: number }).offers;
    return { db: kind, ingest: ingested, queries, sql, getOne, duringIngest, licensorRsl, storedOffers, ...(server ? { settings: PG_SETTINGS } : {}) };
  } finally {
    await reg.stop();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
