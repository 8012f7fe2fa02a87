import pg from 'pg';
import type { Db, Queryable, QueryResult } from './db';

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await client.query(sql, [...params]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      // Without parameters node-postgres uses the simple protocol, which runs several statements.
      await client.query(sql);
    },
  };
}

/**
 * A PostgreSQL server through a node-postgres pool. Connects once before returning, so a wrong URL fails at start.
 * @example const db = await openPostgres(process.env.DATABASE_URL)
 */
export async function openPostgres(connectionString: string, maxConnections = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', (e) => console.error(`registry: postgres connection lost: ${e.message}`));
  await pool.query('select 1');
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
        throw e;
      } finally {
        // A client whose rollback failed is in an unknown state: drop it rather than reuse it.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
