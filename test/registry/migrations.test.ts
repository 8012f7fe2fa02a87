// Migrations run at start, once: a second start on the same data applies nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/registry/db/pglite';
import { openPostgres } from '../../src/registry/db/postgres';
import { migrate } from '../../src/registry/migrate';
import { MIGRATIONS } from '../../src/registry/migrations';
import { createRegistry } from '../../src/registry/server';
import { startPostgres } from './postgres';
import { batchOf } from './offers';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('migrations', () => {
  it('starting twice on one PGlite data dir applies the migrations once and keeps the data', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consentry-registry-'));
    dirs.push(dir);
    const first = await openPglite(dir);
    const a = await createRegistry({ db: first, config: { port: 0 } });
    const { body } = await batchOf(privateKeyToAccount(generatePrivateKey()), 2);
    const posted = await fetch(`${a.url}/v1/batches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(posted.status).toBe(201);
    await a.close();
    await first.close();

    const again = await openPglite(dir);
    const b = await createRegistry({ db: again, config: { port: 0 } });
    const { rows } = await again.query<{ id: string }>('select id from schema_migrations order by id');
    expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(await (await fetch(`${b.url}/health`)).json()).toEqual({ ok: true, db: 'pglite', offers: 2 });
    expect(await migrate(again)).toEqual([]);
    await b.close();
    await again.close();
  });

  it('two registries migrating one PostgreSQL database at once apply each migration once', { timeout: 60_000 }, async () => {
    const server = await startPostgres();
    try {
      const url = await server.freshDatabase();
      const [x, y] = [await openPostgres(url), await openPostgres(url)];
      const applied = await Promise.all([migrate(x), migrate(y)]);
      expect(applied.flat()).toEqual(MIGRATIONS.map((m) => m.id));
      expect(await migrate(x)).toEqual([]);
      await Promise.all([x.close(), y.close()]);
    } finally {
      await server.stop();
    }
  });
});
