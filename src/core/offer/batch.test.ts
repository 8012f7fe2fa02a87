import type { Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { makeBatch, verifySignedBatch } from './batch';
import { hashOfferBatch, offerBatchTypedData, signOfferBatch } from './eip712';
import { offerId } from './leaf';
import { verifyProof } from './merkle';
import { randomAddress, randomLeaf, rng, timed } from './test-leaves';
import type { OfferDomain, OfferLeaf } from './types';

const alice = privateKeyToAccount(generatePrivateKey());
const mallory = privateKeyToAccount(generatePrivateKey());
const r = rng(31337);
const domain: OfferDomain = { chainId: 8453n, verifyingContract: randomAddress(r) };
const aliceLeaf = (over: Partial<OfferLeaf> = {}) => randomLeaf(r, { licensor: alice.address, chainId: domain.chainId, ...over });

async function signedBatch(n: number) {
  const leaves = Array.from({ length: n }, () => aliceLeaf());
  const made = makeBatch({ leaves, licensor: alice.address, counter: 3n, issuedAt: 1_750_000_000n });
  const signature = await signOfferBatch(alice, domain, made.batch);
  return { ...made, leaves, signature };
}

describe('makeBatch + verifySignedBatch', () => {
  it('a batch signed once verifies, and every offer proves against its root', async () => {
    const { batch, tree, offerIds, leaves, signature } = await signedBatch(25);
    expect(batch).toMatchObject({ licensor: alice.address, count: 25n, counter: 3n, root: tree.root });
    expect(offerIds).toEqual(leaves.map(offerId));
    for (const id of offerIds) expect(verifyProof(batch.root, id, tree.proof(id))).toBe(true);

    const reversed = [...leaves].reverse(); // the registry may receive the leaves in any order
    const checked = await verifySignedBatch({ domain, batch, signature, leaves: reversed });
    expect(checked).toMatchObject({ ok: true, value: { batchId: hashOfferBatch(domain, batch) } });
    expect(checked.ok && checked.value.tree.root).toBe(batch.root);
  });

  it('makeBatch refuses leaves that cannot share one signature', () => {
    const make = (leaves: OfferLeaf[]) => () => makeBatch({ leaves, licensor: alice.address, counter: 0n, issuedAt: 1n });
    const leaf = aliceLeaf();
    expect(make([])).toThrow(/at least one leaf/);
    expect(make([leaf, aliceLeaf({ licensor: mallory.address })])).toThrow(/leaves\[1\]: licensor .* is not the batch's licensor/);
    expect(make([leaf, aliceLeaf({ chainId: 1n })])).toThrow(/leaves\[1\]: chainId 1 is not leaves\[0\]'s chainId 8453/);
    expect(make([leaf, { ...leaf }])).toThrow(/leaves\[1\]: the same offer as leaves\[0\]/);
    expect(make([aliceLeaf({ url: 'http://x.com/a' })])).toThrow(/leaves\[0\]: leaf\.url/);
  });
});

describe('verifySignedBatch refuses, saying why', () => {
  it('a signature by someone other than the licensor', async () => {
    const { batch, leaves } = await signedBatch(3);
    const signature = await mallory.signTypedData(offerBatchTypedData(domain, batch));
    expect(await verifySignedBatch({ domain, batch, signature, leaves })).toEqual({
      ok: false,
      error: `signature: signed by ${mallory.address}, not by the batch's licensor ${alice.address}`,
    });
  });

  it('a leaf changed after signing (root mismatch)', async () => {
    const { batch, signature, leaves } = await signedBatch(3);
    const changed = [leaves[0]!, { ...leaves[1]!, price: leaves[1]!.price + 1n }, leaves[2]!];
    const checked = await verifySignedBatch({ domain, batch, signature, leaves: changed });
    expect(checked).toMatchObject({ ok: false, error: /^batch\.root: the leaves hash to 0x[0-9a-f]{64}, not to the signed root/ });
  });

  it('a leaf missing (count mismatch)', async () => {
    const { batch, signature, leaves } = await signedBatch(3);
    expect(await verifySignedBatch({ domain, batch, signature, leaves: leaves.slice(1) })).toEqual({
      ok: false,
      error: 'batch.count: the batch says 3 leaves but 2 were given',
    });
  });

  it("a leaf of another licensor, and a leaf of another chain", async () => {
    const { batch, signature, leaves } = await signedBatch(3);
    const foreign = [leaves[0]!, aliceLeaf({ licensor: mallory.address }), leaves[2]!];
    expect(await verifySignedBatch({ domain, batch, signature, leaves: foreign })).toEqual({
      ok: false,
      error: `leaves[1]: licensor ${mallory.address} is not the batch's licensor ${alice.address}`,
    });
    const otherChain = [leaves[0]!, leaves[1]!, aliceLeaf({ chainId: 1n })];
    expect(await verifySignedBatch({ domain, batch, signature, leaves: otherChain })).toEqual({
      ok: false,
      error: "leaves[2]: chainId 1 is not the domain's chainId 8453",
    });
  });

  it('a batch presented for another chain or contract than it was signed for', async () => {
    const { batch, signature, leaves } = await signedBatch(2);
    const moved = { ...domain, verifyingContract: randomAddress(r) };
    expect(await verifySignedBatch({ domain: moved, batch, signature, leaves })).toMatchObject({ ok: false, error: /^signature: signed by/ });
  });

  it('a repeated leaf, a malformed signature, a malformed batch', async () => {
    const { batch, signature, leaves } = await signedBatch(2);
    const twice = [leaves[0]!, leaves[0]!];
    expect(await verifySignedBatch({ domain, batch, signature, leaves: twice })).toEqual({
      ok: false,
      error: 'leaves[1]: the same offer as leaves[0]',
    });
    expect(await verifySignedBatch({ domain, batch, signature: '0x1234', leaves })).toMatchObject({ ok: false, error: /^signature: not 65 bytes/ });
    const noRoot = { ...batch, root: '0x' as Hex };
    expect(await verifySignedBatch({ domain, batch: noRoot, signature, leaves })).toMatchObject({ ok: false, error: /^batch\.root/ });
  });
});

describe('timing (printed, not asserted)', () => {
  it('one signature for 10,000 offers vs one signature each', { timeout: 120_000 }, async () => {
    const leaves = Array.from({ length: 10_000 }, () => aliceLeaf());
    const [{ batch }, making] = await timed(() => makeBatch({ leaves, licensor: alice.address, counter: 0n, issuedAt: 1n }));
    const [signature, signing] = await timed(() => signOfferBatch(alice, domain, batch));
    const [checked, verifying] = await timed(() => verifySignedBatch({ domain, batch, signature, leaves }));
    expect(checked.ok).toBe(true);

    const sample = leaves.slice(0, 200);
    const [, separately] = await timed(async () => {
      for (const leaf of sample) {
        const one = makeBatch({ leaves: [leaf], licensor: alice.address, counter: 0n, issuedAt: 1n });
        await signOfferBatch(alice, domain, one.batch);
      }
    });
    console.log(
      `10,000 offers as one batch: makeBatch ${making}, signOfferBatch ${signing}, verifySignedBatch ${verifying}. ` +
        `As 10,000 one-leaf batches: ${sample.length} took ${separately}; multiply by 50 (and 10,000 wallet prompts).`,
    );
  });
});
