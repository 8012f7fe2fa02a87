// GET /v1/offers: every filter, and pages that neither repeat nor skip an offer, even while offers arrive.
import type { Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { beforeAll, describe, expect, it } from 'vitest';
import { leafToJson } from '../../src/core/offer/leaf';
import { defaultTerms, type Terms } from '../../src/core/terms/terms';
import { termsHash } from '../../src/core/terms/terms-hash';
import type { ListedOffer } from '../../src/registry/offer-view';
import type { TermsView } from '../../src/registry/terms-json';
import { DATABASES, useRegistry, type TestRegistry } from './harness';
import { batchOf, EURC, USDC, type SignedBatch } from './offers';

const alice = privateKeyToAccount(generatePrivateKey());
const bob = privateKeyToAccount(generatePrivateKey());
const carol = privateKeyToAccount(generatePrivateKey());
const TWO_64 = 2n ** 64n;
const TWO_70 = 2n ** 70n;

const usdcDefault = defaultTerms(USDC); // ai-train; commercial and non-commercial; 0.02 USDC
const searchToo: Terms = { ...defaultTerms(USDC), permits: ['ai-train', 'search'], users: [], price: { ...USDC, amount: 5_000_000n } };
const freeForEducation: Terms = { ...defaultTerms(USDC), users: ['non-commercial', 'education'], payment: 'free', price: { ...USDC, amount: 0n } };
const inputOnly: Terms = { ...defaultTerms(EURC), permits: ['ai-input'], users: ['commercial'], price: { ...EURC, amount: TWO_70 } };
const government: Terms = { ...defaultTerms(EURC), users: ['government'], price: { ...EURC, amount: TWO_64 + 5n } };

interface Page {
  offers: ListedOffer[];
  terms: Record<string, TermsView>;
  nextCursor: string | null;
}

async function page(t: TestRegistry, query: string): Promise<Page> {
  const res = await t.get(`/v1/offers${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Page;
}

/** Every offer the query matches, following cursors; fails on a repeated offer. */
async function all(t: TestRegistry, query: string, limit = 500): Promise<Hex[]> {
  const ids: Hex[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '';
    const p: Page = await page(t, `?${query}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...p.offers.map((o) => o.offerId));
    cursor = p.nextCursor;
  } while (cursor);
  expect(new Set(ids).size).toBe(ids.length);
  return ids;
}

describe.each(DATABASES)('GET /v1/offers on %s', (kind) => {
  const t = useRegistry(kind);
  let A1: SignedBatch, A2: SignedBatch, B1: SignedBatch, B2: SignedBatch, C1: SignedBatch;
  const ids = (...batches: SignedBatch[]) => batches.flatMap((b) => b.offerIds);

  beforeAll(async () => {
    A1 = await batchOf(alice, 3, usdcDefault);
    A2 = await batchOf(alice, 2, searchToo, { platform: 'bluesky' });
    B1 = await batchOf(bob, 2, freeForEducation);
    B2 = await batchOf(bob, 2, inputOnly);
    C1 = await batchOf(carol, 1, government, { platform: 'bluesky' });
    for (const b of [A1, A2, B1, B2, C1]) expect((await t.post('/v1/batches', b.body)).status).toBe(201);
  });

  it('lists live offers in insertion order, each as its signed leaf with ids, and the terms they name once per page', async () => {
    expect(await all(t, '')).toEqual(ids(A1, A2, B1, B2, C1));
    const one = await page(t, '?limit=1');
    const first = one.offers[0]!;
    expect(one.terms).toEqual({
      [termsHash(usdcDefault)]: expect.objectContaining({ hash: termsHash(usdcDefault), permits: ['ai-train'], summary: expect.arrayContaining([expect.stringMatching(/^AI companies may train/)]) }),
    });
    const all5 = await page(t, '?limit=500');
    expect(Object.keys(all5.terms).sort()).toEqual([usdcDefault, searchToo, freeForEducation, inputOnly, government].map(termsHash).sort());
    expect(all5.offers.every((o) => all5.terms[o.termsHash] !== undefined)).toBe(true);
    expect(first).toEqual({
      ...leafToJson(A1.leaves[0]!),
      offerId: A1.offerIds[0],
      batchId: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      revoked: false,
      licensed: { count: 0, lastAt: null },
      content: null,
    });
  });

  it.each<[string, string, () => Hex[]]>([
    ['platform', 'platform=bluesky', () => ids(A2, C1)],
    ['use', 'use=ai-train', () => ids(A1, A2, B1, C1)],
    ['a rarer use', 'use=search', () => ids(A2)],
    ['several uses', 'use=ai-train,search', () => ids(A2)],
    ['user type', 'user=commercial', () => ids(A1, A2, B2)],
    ['another user type', 'user=education', () => ids(A2, B1)],
    ['maxPrice 0 (free only)', 'maxPrice=0', () => ids(B1)],
    ['maxPrice', 'maxPrice=20000', () => ids(A1, B1)],
    ['maxPrice just under a price past 2^64', `maxPrice=${TWO_64 + 4n}`, () => ids(A1, A2, B1)],
    ['maxPrice equal to a price past 2^64', `maxPrice=${TWO_64 + 5n}`, () => ids(A1, A2, B1, C1)],
    ['maxPrice just under 2^70', `maxPrice=${TWO_70 - 1n}`, () => ids(A1, A2, B1, C1)],
    ['maxPrice of 2^70', `maxPrice=${TWO_70}`, () => ids(A1, A2, B1, B2, C1)],
    ['token', `token=${EURC.token}`, () => ids(B2, C1)],
    ['token in lowercase', `token=${EURC.token.toLowerCase()}`, () => ids(B2, C1)],
    ['licensor', `licensor=${bob.address}`, () => ids(B1, B2)],
    ['everything at once', `platform=x&use=ai-train&user=commercial&maxPrice=20000&token=${USDC.token}&licensor=${alice.address}`, () => ids(A1)],
  ])('filters by %s', async (_name, query, expected) => {
    expect(await all(t, query)).toEqual(expected());
    expect(await all(t, query, 1)).toEqual(expected()); // and page by page
  });

  it('pages with no repeat and no gap, and stays stable while new offers arrive', async () => {
    const before = ids(A1, A2, B1, B2, C1);
    const first = await page(t, '?limit=3');
    expect(first.offers.map((o) => o.offerId)).toEqual(before.slice(0, 3));
    const D = await batchOf(carol, 2);
    expect((await t.post('/v1/batches', D.body)).status).toBe(201);
    const rest: Hex[] = [];
    for (let cursor = first.nextCursor; cursor; ) {
      const p = await page(t, `?limit=3&cursor=${cursor}`);
      rest.push(...p.offers.map((o) => o.offerId));
      cursor = p.nextCursor;
    }
    expect([...first.offers.map((o) => o.offerId), ...rest]).toEqual([...before, ...D.offerIds]);
  });

  it('says nextCursor null on the last page, even when it is exactly full', async () => {
    const n = (await all(t, '')).length;
    expect((await page(t, `?limit=${n}`)).nextCursor).toBeNull();
    expect((await page(t, `?limit=${n - 1}`)).nextCursor).not.toBeNull();
  });

  it.each([
    ['limit=501', /^limit: not a whole number from 1 to 500/],
    ['limit=0', /^limit:/],
    ['cursor=bm90IGEgY3Vyc29y', /^cursor: not a cursor from this registry/],
    ['max_price=5', /^max_price: unknown parameter/],
    ['use=ai-train&use=search', /^use: given more than once/],
    ['use=ai-dance', /^use: 'ai-dance' is not an RSL usage/],
    ['user=robots', /^user: 'robots' is not an RSL user class/],
    ['maxPrice=1.5', /^maxPrice: not a decimal string/],
    [`maxPrice=${2n ** 256n}`, /^maxPrice: larger than/],
    ['token=0x1234', /^token: not an address/],
    ['platform=X', /^platform: not a platform id/],
  ])('refuses ?%s with 400 and says why', async (query, error) => {
    const res = await t.get(`/v1/offers?${query}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(error);
  });
});
