// GET /v1/offers/:id with a proof a buyer can settle with, RSL for an offer and for a licensor, and expiry.
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { JSDOM } from 'jsdom';
import type { Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashOfferBatch, recoverBatchSigner } from '../../src/core/offer/eip712';
import { encodeLeaf, leafToJson } from '../../src/core/offer/leaf';
import { verifyProof } from '../../src/core/offer/merkle';
import { LEAF_TYPES } from '../../src/core/offer/types';
import { toRslXml } from '../../src/core/terms/rsl';
import { defaultTerms, type Terms } from '../../src/core/terms/terms';
import { termsHash } from '../../src/core/terms/terms-hash';
import type { OfferDetail } from '../../src/registry/offer-view';
import { DATABASES, useRegistry } from './harness';
import { batchJson, batchOf, DAY, DOMAIN, domainJson, leafFor, signedBatch, USDC, type SignedBatch } from './offers';

const alice = privateKeyToAccount(generatePrivateKey());
const bob = privateKeyToAccount(generatePrivateKey());
const credited: Terms = { ...defaultTerms(USDC), attribution: { required: true, credit: 'Alice & <Co> "quoted"' } };

/** Parse XML as a buyer's agent would; fails on anything not well-formed. */
function parseXml(xml: string): Document {
  const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe.each(DATABASES)('one offer on %s', (kind) => {
  const t = useRegistry(kind);
  let big: SignedBatch;
  let mixed: SignedBatch;

  beforeAll(async () => {
    big = await batchOf(alice, 37); // an odd size: the tree is not a perfect one
    const terms = defaultTerms(USDC);
    mixed = await signedBatch(alice, [leafFor(alice.address, credited), leafFor(alice.address, terms, { platform: 'bluesky' })], [credited, terms]);
    for (const b of [big, mixed]) expect((await t.post('/v1/batches', b.body)).status).toBe(201);
  });

  it('returns the leaf, a proof that verifies and matches OpenZeppelin, the signed batch and the terms', async () => {
    const oz = StandardMerkleTree.of(big.leaves.map((l) => [...encodeLeaf(l)]), [...LEAF_TYPES]);
    expect(oz.root).toBe(big.batch.root);
    for (const i of [0, 17, 36]) {
      const id = big.offerIds[i]!;
      const res = await t.get(`/v1/offers/${id}`);
      expect(res.status).toBe(200);
      const d = (await res.json()) as OfferDetail;
      expect(d.offer).toEqual(leafToJson(big.leaves[i]!));
      expect(d.offerId).toBe(id);
      expect(verifyProof(big.batch.root, id, d.proof)).toBe(true);
      expect(d.proof).toEqual(oz.getProof([...encodeLeaf(big.leaves[i]!)]));
      expect(d.batch).toEqual(batchJson(big.batch));
      expect(d.batchId).toBe(hashOfferBatch(DOMAIN, big.batch));
      expect(d.domain).toEqual(domainJson(DOMAIN));
      const batch = { ...big.batch, count: BigInt(d.batch.count), counter: BigInt(d.batch.counter), issuedAt: BigInt(d.batch.issuedAt) };
      expect(await recoverBatchSigner(DOMAIN, batch, d.signature)).toBe(alice.address);
      expect(d.terms).toMatchObject({ hash: termsHash(defaultTerms(USDC)), payment: 'purchase', price: { amount: '20000', symbol: 'USDC' } });
      expect(d.status).toBe('live');
    }
  });

  it('answers 404 for an offer it never stored and 400 for something that is not an offer id', async () => {
    const unknown = await t.get(`/v1/offers/0x${'12'.repeat(32)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: `offer 0x${'12'.repeat(32)} is not in this registry` });
    expect((await t.get('/v1/offers/0x1234')).status).toBe(400);
  });

  it('serves an offer as RSL built from its terms, linking back to the offer', async () => {
    const id = mixed.offerIds[0]!;
    const res = await t.get(`/v1/offers/${id}/rsl.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rsl+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toBe(toRslXml(credited, { contentUrl: mixed.leaves[0]!.url, offerUrl: `${t.url}/v1/offers/${id}` }));
    const doc = parseXml(xml);
    expect(doc.querySelector('content')!.getAttribute('url')).toBe(mixed.leaves[0]!.url);
    expect(doc.querySelector('copyright')!.textContent).toBe('Alice & <Co> "quoted"');
  });

  it("serves all of a licensor's live offers as one RSL document, one <content> per post", async () => {
    const res = await t.get(`/v1/licensors/${alice.address.toLowerCase()}/rsl.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rsl+xml; charset=utf-8');
    const doc = parseXml(await res.text());
    expect(doc.documentElement.namespaceURI).toBe('https://rslstandard.org/rsl');
    const contents = [...doc.getElementsByTagName('content')];
    expect(contents.map((c) => c.getAttribute('url'))).toEqual([...big.leaves, ...mixed.leaves].map((l) => l.url));
    const proofs = contents.map((c) => c.querySelector('legal[type="proof"]')!.textContent);
    expect(proofs).toEqual([...big.offerIds, ...mixed.offerIds].map((id) => `${t.url}/v1/offers/${id}`));
    expect((await t.get(`/v1/licensors/${bob.address}/rsl.xml`)).status).toBe(404);
    expect((await t.get('/v1/licensors/0xnope/rsl.xml')).status).toBe(400);
  });

  it('stops listing an offer once it expires; get-one says expired and its RSL is gone', async () => {
    const soon = await signedBatch(bob, [leafFor(bob.address, defaultTerms(USDC), { validUntil: BigInt(Math.floor(Date.now() / 1000)) + DAY })], [defaultTerms(USDC)]);
    expect((await t.post('/v1/batches', soon.body)).status).toBe(201);
    const id: Hex = soon.offerIds[0]!;
    const listed = async () => ((await (await t.get(`/v1/offers?licensor=${bob.address}`)).json()) as { offers: unknown[] }).offers.length;
    expect(await listed()).toBe(1);
    t.clock.skew = 2n * DAY;
    try {
      expect(await listed()).toBe(0);
      const res = await t.get(`/v1/offers/${id}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as OfferDetail).status).toBe('expired');
      expect((await t.get(`/v1/offers/${id}/rsl.xml`)).status).toBe(410);
      expect((await t.get(`/v1/licensors/${bob.address}/rsl.xml`)).status).toBe(404);
    } finally {
      t.clock.skew = 0n;
    }
  });
});
