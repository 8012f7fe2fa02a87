import { mkdirSync } from 'node:fs';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './db';

function wrap(pg: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await pg.query<T>(sql, [...params]);
      return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    async copyFrom(target: string, data: Uint8Array<ArrayBuffer>) {
      const r = await pg.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([data]) });
      return r.affectedRows ?? 0;
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite, WASM) in this process: at `dataDir`, or in memory when it is undefined.
 * @example const db = await openPglite('.data/registry')
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // PGlite parses int8 into a JS number, which silently rounds past 2^53; node-postgres keeps the text.
  const pg = await PGlite.create(dataDir, { parsers: { [types.INT8]: (text: string) => text } });
  // A new 16 MB WAL segment is written full of zeros before use, which in PGlite is JS growing and copying a buffer
  // (in memory) or 16 MB more to write (on disk), and buys nothing: PGlite never fsyncs. About one segment per
  // 10,000 offers stored; off, storing them takes ~0.2 s less. (Not a durability setting: WAL is written as before.)
  await pg.exec('set wal_init_zero = off');
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
