// Each API test runs against both databases: PGlite in memory and a real PostgreSQL server started here.
import { afterAll, beforeAll } from 'vitest';
import type { RegistryConfig } from '../../src/registry/config';
import type { Db } from '../../src/registry/db/db';
import { openPglite } from '../../src/registry/db/pglite';
import { openPostgres } from '../../src/registry/db/postgres';
import { createRegistry, type CreateRegistryReturnType } from '../../src/registry/server';
import { startPostgres, type LocalPostgres } from './postgres';

export const DATABASES = ['pglite', 'postgres'] as const;
export type DbKind = (typeof DATABASES)[number];

let server: Promise<LocalPostgres> | undefined;
/** The file's PostgreSQL server, started on first use and stopped after the file's last test. */
function postgres(): Promise<LocalPostgres> {
  server ??= startPostgres();
  return server;
}
afterAll(async () => {
  if (server) await (await server).stop();
});

export async function openTestDb(kind: DbKind): Promise<Db> {
  return kind === 'pglite' ? openPglite() : openPostgres(await (await postgres()).freshDatabase());
}

/** A registry on a free port over a fresh database, with a clock tests can move. */
export interface TestRegistry {
  url: string;
  db: Db;
  /** Seconds added to the real clock. */
  clock: { skew: bigint };
  registry: CreateRegistryReturnType;
  post(path: string, body: unknown): Promise<Response>;
  get(path: string): Promise<Response>;
  /** Rows stored per table: what "nothing stored" is checked against. */
  stored(): Promise<{ batches: number; offers: number; terms: number; revocations: number; revoked: number }>;
  /** `/health`'s offer count. */
  healthCount(): Promise<number>;
}

/**
 * Start a registry over a fresh `kind` database before the suite's tests and stop it after.
 * The returned object is filled in by `beforeAll`: read its fields inside tests only.
 */
export function useRegistry(kind: DbKind, config: Partial<RegistryConfig> = {}): TestRegistry {
  const t = { clock: { skew: 0n } } as TestRegistry;
  beforeAll(async () => {
    t.db = await openTestDb(kind);
    const now = () => BigInt(Math.floor(Date.now() / 1000)) + t.clock.skew;
    t.registry = await createRegistry({ db: t.db, config: { ...config, port: 0 }, now });
    t.url = t.registry.url;
    t.post = (path, body) =>
      fetch(t.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    t.get = (path) => fetch(t.url + path);
    t.stored = async () => {
      const { rows } = await t.db.query<Record<string, string>>(`select
        (select count(*) from batches) as batches, (select count(*) from offers) as offers, (select count(*) from terms) as terms,
        (select count(*) from revocations) as revocations, (select count(*) from offers where revoked_at is not null) as revoked`);
      return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)])) as Awaited<ReturnType<TestRegistry['stored']>>;
    };
    t.healthCount = async () => ((await (await t.get('/health')).json()) as { offers: number }).offers;
  }, 60_000);
  afterAll(async () => {
    await t.registry?.close();
    await t.db?.close();
  });
  return t;
}
