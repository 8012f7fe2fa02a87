import type { Db } from './db/db';
import { MIGRATIONS, type Migration } from './migrations';

// Any constant shared by every registry process: two starting at once on one server take turns.
const MIGRATION_LOCK = 0x436f6e73656e7472n; // "Consentr"

/**
 * Apply the migrations not yet recorded in `schema_migrations`, all in one transaction, and return their ids.
 * @example await migrate(db) // ['001-initial'] the first time, [] after
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.exec('create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())');
    const done = new Set((await tx.query<{ id: string }>('select id from schema_migrations')).rows.map((r) => r.id));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (id) values ($1)', [m.id]);
      applied.push(m.id);
    }
    return applied;
  });
}
