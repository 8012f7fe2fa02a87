// The database's own time for the query path: EXPLAIN ANALYZE of exactly the SQL the registry runs, so the figure
// does not include HTTP, JSON or the scheduling noise of a busy machine.
import { int, rng } from '../../../src/core/offer/test-leaves';
import type { Db, QueryResult } from '../../../src/registry/db/db';
import { openPostgres } from '../../../src/registry/db/postgres';
import { readOfferFilter } from '../../../src/registry/offer-filter';
import { listOffers } from '../../../src/registry/queries/offers';
import { COMBOS } from './queries';
import { quantile } from './registry-process';

export interface SqlStats {
  name: string;
  /** Planning + execution of the page query, ms. */
  p50: number;
  p99: number;
  max: number;
}

/**
 * A Db that times the page query with EXPLAIN ANALYZE (the kinds lookup, which the registry caches, is not
 * timed), then runs each statement for its rows: the page query needs the kinds.
 */
function explaining(db: Db, record: (ms: number) => void): Db {
  return {
    ...db,
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      if (!sql.includes(' from offer_kinds ')) {
        const r = await db.query<Record<string, unknown>>(`explain (analyze, format json) ${sql}`, params);
        const [plan] = r.rows[0]!['QUERY PLAN'] as [{ 'Planning Time': number; 'Execution Time': number }];
        record(plan['Planning Time'] + plan['Execution Time']);
      }
      return db.query<T>(sql, params);
    },
  };
}

/** `n` EXPLAIN ANALYZE runs per combination (half from a random cursor) on the registry's PostgreSQL database. */
export async function measureSql(databaseUrl: string, batches: number, totalOffers: number, n: number): Promise<SqlStats[]> {
  const db = await openPostgres(databaseUrl, 1);
  const out: SqlStats[] = [];
  try {
    for (const [i, [name, make]] of COMBOS.entries()) {
      const r = rng(2000 + i);
      const ms: number[] = [];
      for (let k = 0; k < n; k++) {
        const filter = readOfferFilter(new URLSearchParams(make(r, batches)));
        if (!filter.ok) throw new Error(filter.error);
        const afterSeq = k % 2 === 1 ? BigInt(int(r, totalOffers)) : undefined;
        let total = 0;
        await listOffers(explaining(db, (t) => (total += t)), { ...filter.value, afterSeq, limit: 101, now: BigInt(Math.floor(Date.now() / 1000)) });
        ms.push(total);
      }
      out.push({ name, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), max: Math.max(...ms) });
    }
  } finally {
    await db.close();
  }
  return out;
}
