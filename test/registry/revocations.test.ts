// POST /v1/revocations: the licensor's signature withdraws offers at once; nobody else's does.
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashRevocation, revocationTypedData, signRevocation } from '../../src/core/offer/eip712';
import type { Revocation } from '../../src/core/offer/types';
import { defaultTerms } from '../../src/core/terms/terms';
import { DATABASES, useRegistry } from './harness';
import { batchOf, DOMAIN, domainJson, leafFor, now, signedBatch, USDC, type SignedBatch } from './offers';

const alice = privateKeyToAccount(generatePrivateKey());
const mallory = privateKeyToAccount(generatePrivateKey());

const body = (rev: Revocation, signature: string, domain = DOMAIN) => ({
  domain: domainJson(domain),
  revocation: { licensor: rev.licensor, offerIds: rev.offerIds, issuedAt: rev.issuedAt.toString() },
  signature,
});

describe.each(DATABASES)('revocations on %s', (kind) => {
  const t = useRegistry(kind);
  let batch: SignedBatch;
  let rev: Revocation;

  beforeAll(async () => {
    batch = await batchOf(alice, 4);
    expect((await t.post('/v1/batches', batch.body)).status).toBe(201);
    rev = { licensor: alice.address, offerIds: batch.offerIds.slice(0, 2), issuedAt: now() };
  });

  async function refused(b: unknown, status: number, error: RegExp) {
    const before = await t.stored();
    const res = await t.post('/v1/revocations', b);
    expect(((await res.json()) as { error: string }).error).toMatch(error);
    expect(res.status).toBe(status);
    expect(await t.stored()).toEqual(before);
  }

  it("refuses a revocation of alice's offers signed by someone else (403), storing nothing", async () => {
    const forged = await mallory.signTypedData(revocationTypedData(DOMAIN, rev));
    await refused(body(rev, forged), 403, new RegExp(`^signature: signed by ${mallory.address}, not by the revocation's licensor`));
    const own = { ...rev, licensor: mallory.address };
    await refused(body(own, await signRevocation(mallory, DOMAIN, own)), 403, new RegExp(`belongs to ${alice.address}, not to ${mallory.address}`));
  });

  it('refuses unknown offers (404), another chain and malformed input (400)', async () => {
    const unknown = { ...rev, offerIds: [...rev.offerIds, `0x${'77'.repeat(32)}` as const] };
    await refused(body(unknown, await signRevocation(alice, DOMAIN, unknown)), 404, /^revocation\.offerIds\[2\]: offer 0x7777.* is not in this registry/);
    const elsewhere = { ...DOMAIN, chainId: 10n };
    await refused(body(rev, await signRevocation(alice, elsewhere, rev), elsewhere), 400, /wrong chain/);
    await refused(body({ ...rev, offerIds: [] }, await signRevocation(alice, DOMAIN, rev)), 400, /^revocation\.offerIds: not a non-empty list/);
    await refused({ ...body(rev, '0x1234'), signature: '0x1234' }, 400, /^signature: not 65 bytes/);
  });

  it('revokes at once: gone from queries, 410 from get-one and RSL, kept to relay on chain', async () => {
    const signature = await signRevocation(alice, DOMAIN, rev);
    const res = await t.post('/v1/revocations', body(rev, signature));
    expect(res.status).toBe(201);
    const revocationId = hashRevocation(DOMAIN, rev);
    expect(await res.json()).toEqual({ revocationId, revoked: 2 });

    const listed = (await (await t.get(`/v1/offers?licensor=${alice.address}`)).json()) as { offers: { offerId: string }[] };
    expect(listed.offers.map((o) => o.offerId)).toEqual(batch.offerIds.slice(2));
    for (const id of rev.offerIds) {
      const one = await t.get(`/v1/offers/${id}`);
      expect(one.status).toBe(410);
      const gone = (await one.json()) as Record<string, unknown>;
      expect(gone).toMatchObject({ offerId: id, status: 'revoked', error: `offer ${id} was revoked by its licensor` });
      expect(gone).not.toHaveProperty('proof');
      expect(gone).not.toHaveProperty('signature');
      expect((await t.get(`/v1/offers/${id}/rsl.xml`)).status).toBe(410);
    }
    const rsl = await (await t.get(`/v1/licensors/${alice.address}/rsl.xml`)).text();
    expect(rsl.match(/<content /g)).toHaveLength(2);

    const { rows } = await t.db.query<{ signature: string; relayed_at: Date | null; offer_ids: string[] }>(
      'select signature, relayed_at, offer_ids from revocations where revocation_id = $1',
      [revocationId],
    );
    expect(rows).toEqual([{ signature, relayed_at: null, offer_ids: rev.offerIds }]);
  });

  it('takes a replayed revocation harmlessly (200), and a replayed batch does not bring its offers back', async () => {
    const before = await t.stored();
    const res = await t.post('/v1/revocations', body(rev, await signRevocation(alice, DOMAIN, rev)));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ revoked: 0, duplicate: true });
    expect((await t.post('/v1/batches', batch.body)).status).toBe(200);
    expect(await t.stored()).toEqual(before);
    expect(before.revoked).toBe(2);
    expect((await t.get(`/v1/offers/${rev.offerIds[0]}`)).status).toBe(410);
  });

  it('refuses (409) a new batch that offers a revoked offer again', async () => {
    const terms = defaultTerms(USDC);
    const again = await signedBatch(alice, [leafFor(alice.address, terms), batch.leaves[0]!], [terms]);
    const before = await t.stored();
    const res = await t.post('/v1/batches', again.body);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toMatch(/^leaves\[1\]: offer 0x[0-9a-f]{64} was revoked/);
    expect(await t.stored()).toEqual(before);
  });
});
