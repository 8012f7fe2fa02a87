// POST /v1/batches: a signed batch is stored once; anything wrong is refused with a reason and nothing stored.
import { concat, hexToBigInt, numberToHex, size, slice, type Address, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { offerBatchTypedData } from '../../src/core/offer/eip712';
import { contentHash } from '../../src/core/content-hash';
import { offerId } from '../../src/core/offer/leaf';
import { defaultTerms } from '../../src/core/terms/terms';
import { termsHash } from '../../src/core/terms/terms-hash';
import { termsToJson } from '../../src/registry/terms-json';
import { DATABASES, useRegistry } from './harness';
import { batchOf, DOMAIN, domainJson, EURC, leafFor, signedBatch, USDC, type BatchBodyJson } from './offers';

const alice = privateKeyToAccount(generatePrivateKey());
const mallory = privateKeyToAccount(generatePrivateKey());
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** The same signature with s mirrored into the upper half: valid for ecrecover, refused by OpenZeppelin's ECDSA. */
function highS(signature: Hex): Hex {
  const s = hexToBigInt(slice(signature, 32, 64));
  const v = Number(hexToBigInt(slice(signature, 64, 65)));
  return concat([slice(signature, 0, 32), numberToHex(N - s, { size: 32 }), numberToHex(v === 27 ? 28 : 27, { size: 1 })]);
}

/** The address with the case of its first letter flipped: right digits, wrong EIP-55 checksum. */
function badChecksum(a: Address): Address {
  const i = a.slice(2).search(/[a-fA-F]/) + 2;
  const c = a[i]!;
  return `${a.slice(0, i)}${c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()}${a.slice(i + 1)}` as Address;
}

describe.each(DATABASES)('POST /v1/batches on %s', (kind) => {
  const t = useRegistry(kind, { maxBatch: 20 });

  /** POST `body`, expect `status` and an error matching `error`, and check that nothing was stored. */
  async function refused(body: unknown, status: number, error: RegExp) {
    const before = await t.stored();
    const res = await t.post('/v1/batches', body);
    const json = (await res.json()) as { error: string };
    expect(json.error).toMatch(error);
    expect(res.status).toBe(status);
    expect(await t.stored()).toEqual(before);
    expect(await t.healthCount()).toBe(before.offers);
  }

  it('stores a signed batch once: 201 with the offer ids, then 200 duplicate for a replay', async () => {
    const { body, offerIds, leaves } = await batchOf(alice, 3);
    expect(offerIds).toEqual(leaves.map(offerId));
    const before = await t.stored();
    const res = await t.post('/v1/batches', body);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { batchId: Hex; offerIds: Hex[] };
    expect(created.offerIds).toEqual(offerIds);
    expect(created.batchId).toMatch(/^0x[0-9a-f]{64}$/);
    expect(res.headers.get('server-timing')).toMatch(/verify;dur=/);
    expect(await t.stored()).toMatchObject({ batches: before.batches + 1, offers: before.offers + 3, terms: 1 });
    expect(await t.healthCount()).toBe(before.offers + 3);

    const again = await t.post('/v1/batches', body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ batchId: created.batchId, offers: 3, duplicate: true });
    expect(await t.stored()).toMatchObject({ batches: before.batches + 1, offers: before.offers + 3 });
  });

  it('accepts leaves in any order and terms shared with earlier batches', async () => {
    const { body } = await batchOf(alice, 4);
    body.leaves.reverse();
    const res = await t.post('/v1/batches', body);
    expect(res.status).toBe(201);
  });

  it('refuses malformed JSON, a body that is not an object, and a body not sent as JSON', async () => {
    await refused('{"domain": {', 400, /^body: malformed JSON/);
    await refused('[1, 2]', 400, /^body: not a JSON object/);
    const before = await t.stored();
    const res = await fetch(`${t.url}/v1/batches`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(415);
    expect(await t.stored()).toEqual(before);
  });

  it.each(['domain', 'batch', 'signature', 'leaves', 'terms'] as const)('refuses a body without %s', async (field) => {
    const { body } = await batchOf(alice, 1);
    delete (body as Partial<BatchBodyJson>)[field];
    await refused(body, 400, new RegExp(`^${field}: missing`));
  });

  it('refuses a leaf with a badly checksummed address, naming the leaf and field', async () => {
    const { body } = await batchOf(alice, 2);
    body.leaves[1]!.token = badChecksum(body.leaves[1]!.token);
    await refused(body, 400, /^leaves\[1\]: leaf\.token: not a checksummed or lowercase address/);
  });

  it('refuses terms whose hash is not their key, and a leaf whose terms are missing', async () => {
    const { body } = await batchOf(alice, 1);
    const key = Object.keys(body.terms)[0]!;
    body.terms[key] = { ...body.terms[key]!, geo: ['FR'] };
    await refused(body, 400, /terms hash mismatch: these terms hash to 0x[0-9a-f]{64}, not to their key/);
    const other = await batchOf(alice, 1);
    other.body.terms = {};
    await refused(other.body, 400, /^leaves\[0\]: its terms 0x[0-9a-f]{64} are not in the body's terms/);
  });

  it('refuses a leaf whose price disagrees with its terms, and terms no leaf uses', async () => {
    const terms = defaultTerms(USDC);
    const cheap = await signedBatch(alice, [leafFor(alice.address, terms, { price: 1n })], [terms]);
    await refused(cheap.body, 400, /^leaves\[0\]: price 1 is not its terms' price 20000/);
    const { body } = await batchOf(alice, 2);
    const unused = defaultTerms(EURC);
    body.terms[termsHash(unused)] = termsToJson(unused);
    await refused(body, 400, /no leaf uses these terms/);
  });

  it('refuses a batch signed by another key', async () => {
    const { body, batch } = await batchOf(alice, 2);
    body.signature = await mallory.signTypedData(offerBatchTypedData(DOMAIN, batch));
    await refused(body, 400, new RegExp(`^signature: signed by ${mallory.address}, not by the batch's licensor ${alice.address}`));
  });

  it('refuses tampered signature bytes', async () => {
    const { body } = await batchOf(alice, 2);
    const byte = parseInt(body.signature.slice(10, 12), 16) ^ 0x01;
    body.signature = `${body.signature.slice(0, 10)}${byte.toString(16).padStart(2, '0')}${body.signature.slice(12)}` as Hex;
    expect(size(body.signature)).toBe(65);
    await refused(body, 400, /^signature: /);
  });

  it('refuses a high-s signature the contract would refuse', async () => {
    const { body } = await batchOf(alice, 2);
    body.signature = highS(body.signature);
    await refused(body, 400, /^signature: s is not in the lower half of the curve order/);
  });

  it('refuses a leaf changed after signing (root mismatch)', async () => {
    const { body } = await batchOf(alice, 3);
    body.leaves[2]!.contentHash = `0x${'ab'.repeat(32)}`;
    await refused(body, 400, /^batch\.root: the leaves hash to 0x[0-9a-f]{64}, not to the signed root/);
  });

  it('refuses a batch for another chain or another verifying contract', async () => {
    const wrongChain = await signedBatch(alice, [leafFor(alice.address, defaultTerms(USDC))], [defaultTerms(USDC)], { ...DOMAIN, chainId: 1n });
    await refused(wrongChain.body, 400, /^domain\.chainId: wrong chain: this registry serves chain 31337, not 1/);
    const elsewhere = { ...DOMAIN, verifyingContract: mallory.address };
    const wrongContract = await signedBatch(alice, [leafFor(alice.address, defaultTerms(USDC))], [defaultTerms(USDC)], elsewhere);
    await refused(wrongContract.body, 400, /^domain\.verifyingContract: wrong verifying contract/);
    const { body } = await batchOf(alice, 1);
    await refused({ ...body, domain: domainJson(elsewhere) }, 400, /wrong verifying contract/);
  });

  it('refuses more leaves than the configured maximum', async () => {
    const { body } = await batchOf(alice, 21);
    await refused(body, 400, /^batch\.count: 21 offers; this registry takes at most 20 per batch/);
    await refused({ ...body, batch: { ...body.batch, count: '20' } }, 400, /^leaves: 21 offers; this registry takes at most 20/);
  });

  it('refuses a leaf that has already expired', async () => {
    const terms = defaultTerms(USDC);
    const { body } = await signedBatch(alice, [leafFor(alice.address, terms, { validUntil: 1_000n })], [terms]);
    await refused(body, 400, /^leaves\[0\]: validUntil 1000 has passed/);
  });

  it('refuses, with 409, an offer already stored in another batch; the new batch is not stored at all', async () => {
    const first = await batchOf(alice, 2);
    expect((await t.post('/v1/batches', first.body)).status).toBe(201);
    const terms = defaultTerms(USDC);
    const reused = await signedBatch(alice, [leafFor(alice.address, terms), first.leaves[1]!], [terms]);
    await refused(reused.body, 409, new RegExp(`^leaves\\[1\\]: offer ${first.offerIds[1]} is already stored in another batch`));
  });

  /** A batch of alice's posts with these texts and media, each leaf's contentHash computed from them. */
  async function withContents(contents: { text: string; media: string[] }[]) {
    const terms = defaultTerms(USDC);
    const leaves = await Promise.all(contents.map(async (c) => leafFor(alice.address, terms, { contentHash: await contentHash(c.text, c.media) })));
    const signed = await signedBatch(alice, leaves, [terms]);
    return { ...signed, body: { ...signed.body, contents } };
  }

  it('stores each post\'s text and media with its offer and serves them, as the licensor sent them', async () => {
    const contents = [
      { text: 'Fresh bread, day three 🍞\nThe crust finally cracks', media: ['https://pbs.twimg.com/media/bread.jpg'] },
      { text: 'שלום — RTL and emoji 👩‍👩‍👧 stay as written', media: [] },
      { text: 'odd URLs survive storage', media: ['https://cdn.example/a"b,c{d}\\e.jpg', 'https://cdn.example/NULL'] },
      // What COPY's text format (PGlite's ingest) must escape: tabs, line ends, backslashes, its null and end markers.
      { text: 'tab\there\r\nCRLF, a backslash \\ then \\N and\n\\.\nthe end', media: ['https://cdn.example/tab%09\\N.jpg'] },
    ];
    const { body, offerIds } = await withContents(contents);
    expect((await t.post('/v1/batches', body)).status).toBe(201);
    for (const [i, id] of offerIds.entries()) {
      const detail = (await (await t.get(`/v1/offers/${id}`)).json()) as { content: unknown };
      expect(detail.content).toEqual(contents[i]);
    }
    const listed = (await (await t.get(`/v1/offers?licensor=${alice.address}&limit=500`)).json()) as { offers: { offerId: Hex; content: unknown }[] };
    expect(listed.offers.find((o) => o.offerId === offerIds[1])?.content).toEqual(contents[1]);
  });

  it('refuses a text that does not hash to its leaf\'s signed contentHash, and contents that do not line up with the leaves', async () => {
    const { body } = await withContents([{ text: 'what I wrote', media: [] }, { text: 'and this', media: [] }]);
    await refused({ ...body, contents: [body.contents[0], { text: 'and this, edited by someone', media: [] }] }, 400, /^contents\[1\]: the text and media do not hash to leaves\[1\]\.contentHash/);
    await refused({ ...body, contents: [{ text: 'what I wrote', media: ['https://example.com/added.jpg'] }, null] }, 400, /^contents\[0\]: the text and media do not hash/);
    await refused({ ...body, contents: [body.contents[0]] }, 400, /^contents: not a list of 2 entries/);
    await refused({ ...body, contents: [{ text: 5, media: [] }, null] }, 400, /^contents\[0\]\.text/);
    await refused({ ...body, contents: [{ text: 'x', media: ['javascript:alert(1)'] }, null] }, 400, /^contents\[0\]\.media/);
    // Without contents (or with null entries) the offers are stored and served with content null.
    expect((await t.post('/v1/batches', { ...body, contents: [body.contents[0], null] })).status).toBe(201);
  });
});
