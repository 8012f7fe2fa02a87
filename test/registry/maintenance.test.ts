// Upkeep: expired offers leave the live indexes (and stay expired to every reader); PGlite gets its statistics.
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { defaultTerms } from '../../src/core/terms/terms';
import { createMaintenance } from '../../src/registry/maintenance';
import { DATABASES, useRegistry } from './harness';
import { batchOf, DAY, leafFor, now, signedBatch, USDC } from './offers';

const alice = privateKeyToAccount(generatePrivateKey());

describe.each(DATABASES)('maintenance on %s', (kind) => {
  const t = useRegistry(kind);

  it('sweeps expired offers out of the live set; they stay expired, the others stay live', async () => {
    const terms = defaultTerms(USDC);
    const soon = leafFor(alice.address, terms, { validUntil: now() + DAY });
    const later = leafFor(alice.address, terms, { validUntil: now() + 10n * DAY });
    const { offerIds } = await signedBatch(alice, [soon, later], [terms]).then(async (b) => {
      expect((await t.post('/v1/batches', b.body)).status).toBe(201);
      return b;
    });
    const maintenance = createMaintenance(t.db, { now: () => now() + 2n * DAY, sweepEveryMs: 10 });
    await new Promise((r) => setTimeout(r, 100));
    await maintenance.stop();
    const { rows } = await t.db.query<{ offer_id: string; live: boolean }>('select offer_id, live from offers where offer_id = any($1::text[])', [offerIds]);
    expect(Object.fromEntries(rows.map((r) => [r.offer_id, r.live]))).toEqual({ [offerIds[0]!]: false, [offerIds[1]!]: true });
    const listed = (await (await t.get(`/v1/offers?licensor=${alice.address}`)).json()) as { offers: { offerId: string }[] };
    expect(listed.offers.map((o) => o.offerId)).toEqual([offerIds[1]]);
  });
});

describe('PGlite statistics', () => {
  const t = useRegistry('pglite');

  it('are gathered once enough new offers arrive, since PGlite has no autovacuum', async () => {
    const stats = async () => Number((await t.db.query<{ n: string }>("select count(*) as n from pg_stats where tablename = 'offers'")).rows[0]!.n);
    expect((await t.post('/v1/batches', (await batchOf(alice, 3)).body)).status).toBe(201);
    await t.db.exec('delete from pg_statistic where starelid = \'offers\'::regclass');
    expect(await stats()).toBe(0);
    const maintenance = createMaintenance(t.db, { now });
    maintenance.added(999);
    await maintenance.stop();
    expect(await stats()).toBe(0); // not yet due
    const again = createMaintenance(t.db, { now });
    again.added(1000);
    await again.stop();
    expect(await stats()).toBeGreaterThan(0);
  });
});
