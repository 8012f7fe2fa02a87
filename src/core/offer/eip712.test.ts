import { hashTypedData, recoverTypedDataAddress, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import {
  batchId,
  hashOfferBatch,
  hashRevocation,
  offerBatchTypedData,
  recoverBatchSigner,
  recoverRevocationSigner,
  revocationTypedData,
  signOfferBatch,
  signRevocation,
} from './eip712';
import { int, randomAddress, randomBigint, randomHex32, rng, type Rng } from './test-leaves';
import type { OfferBatch, OfferDomain, Revocation } from './types';

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const account = privateKeyToAccount(generatePrivateKey());
const other = privateKeyToAccount(generatePrivateKey());

const randomDomain = (r: Rng): OfferDomain => ({ chainId: BigInt(1 + int(r, 1e9)), verifyingContract: randomAddress(r) });
const randomBatch = (r: Rng, licensor = randomAddress(r)): OfferBatch => ({
  licensor,
  root: randomHex32(r),
  count: BigInt(1 + int(r, 20_000)),
  counter: randomBigint(r, 8 * (1 + int(r, 32))),
  issuedAt: randomBigint(r, 64),
});
const randomRevocation = (r: Rng, licensor = randomAddress(r)): Revocation => ({
  licensor,
  offerIds: Array.from({ length: int(r, 6) }, () => randomHex32(r)),
  issuedAt: randomBigint(r, 64),
});

/** The same signature with s replaced by n - s and v flipped: valid for viem, refused by OpenZeppelin's ECDSA. */
function malleate(sig: Hex): Hex {
  const s = N - BigInt(`0x${sig.slice(66, 130)}`);
  const v = sig.slice(130) === '1b' ? '1c' : '1b';
  return `${sig.slice(0, 66)}${s.toString(16).padStart(64, '0')}${v}` as Hex;
}

describe('hand-rolled EIP-712 hashes equal viem hashTypedData', () => {
  it('for 50 random batches and revocations', () => {
    const r = rng(712);
    for (let i = 0; i < 50; i++) {
      const domain = randomDomain(r);
      const batch = randomBatch(r);
      expect(hashOfferBatch(domain, batch)).toBe(hashTypedData(offerBatchTypedData(domain, batch)));
      expect(batchId(domain, batch)).toBe(hashOfferBatch(domain, batch));
      const rev = randomRevocation(r);
      expect(hashRevocation(domain, rev)).toBe(hashTypedData(revocationTypedData(domain, rev)));
    }
  });

  it('throw on values that do not fit their Solidity types', () => {
    const r = rng(1);
    const domain = randomDomain(r);
    const batch = randomBatch(r);
    expect(() => hashOfferBatch(domain, { ...batch, issuedAt: 2n ** 64n })).toThrow();
    expect(() => hashOfferBatch(domain, { ...batch, root: '0x1234' })).toThrow();
    expect(() => hashOfferBatch(domain, { ...batch, root: `0x${'zz'.repeat(32)}` })).toThrow();
    expect(() => hashRevocation(domain, { ...randomRevocation(r), offerIds: ['0x12'] })).toThrow();
  });
});

describe('OfferBatch signatures', () => {
  const r = rng(99);
  const domain = randomDomain(r);
  const batch = randomBatch(r, account.address);

  it("recover to the signer, and sign only as the batch's licensor", async () => {
    const signature = await signOfferBatch(account, domain, batch);
    expect(await recoverBatchSigner(domain, batch, signature)).toBe(account.address);
    await expect(signOfferBatch(other, domain, batch)).rejects.toThrow(/is not the licensor/);
    // A signer that does not say who it is still cannot hand back someone else's signature.
    const anonymous = { signTypedData: other.signTypedData };
    await expect(signOfferBatch(anonymous, domain, batch)).rejects.toThrow(/not the licensor/);
  });

  it('stop verifying when any signed field or domain value changes', async () => {
    const signature = await signOfferBatch(account, domain, batch);
    const id = hashOfferBatch(domain, batch);
    const tampered: [OfferDomain, OfferBatch][] = [
      [domain, { ...batch, root: randomHex32(r) }],
      [domain, { ...batch, count: batch.count + 1n }],
      [domain, { ...batch, counter: batch.counter + 1n }],
      [domain, { ...batch, issuedAt: batch.issuedAt ^ 1n }],
      [domain, { ...batch, licensor: other.address }],
      [{ ...domain, chainId: domain.chainId + 1n }, batch],
      [{ ...domain, verifyingContract: randomAddress(r) }, batch],
    ];
    for (const [d, b] of tampered) {
      expect(hashOfferBatch(d, b)).not.toBe(id);
      expect(await recoverBatchSigner(d, b, signature)).not.toBe(account.address);
    }
  });

  it('refuse signature forms the contract refuses, though viem accepts them', async () => {
    const signature = await signOfferBatch(account, domain, batch);
    const highS = malleate(signature);
    expect(await recoverTypedDataAddress({ ...offerBatchTypedData(domain, batch), signature: highS })).toBe(account.address);
    await expect(recoverBatchSigner(domain, batch, highS)).rejects.toThrow(/lower half/);
    const yParity = `${signature.slice(0, 130)}${signature.endsWith('1b') ? '00' : '01'}` as Hex;
    await expect(recoverBatchSigner(domain, batch, yParity)).rejects.toThrow(/not 27 or 28/);
    await expect(recoverBatchSigner(domain, batch, signature.slice(0, 130) as Hex)).rejects.toThrow(/65 bytes/);
  });
});

describe('Revocation signatures', () => {
  const r = rng(5);
  const domain = randomDomain(r);
  const rev = { ...randomRevocation(r, account.address), offerIds: [randomHex32(r), randomHex32(r)] };

  it('recover to the signer; another id list, order or licensor does not', async () => {
    const signature = await signRevocation(account, domain, rev);
    expect(await recoverRevocationSigner(domain, rev, signature)).toBe(account.address);
    const [a, b] = rev.offerIds as [Hex, Hex];
    for (const changed of [{ ...rev, offerIds: [b, a] }, { ...rev, offerIds: [a] }, { ...rev, licensor: other.address }]) {
      expect(await recoverRevocationSigner(domain, changed, signature)).not.toBe(account.address);
    }
    await expect(signRevocation(other, domain, rev)).rejects.toThrow(/is not the licensor/);
  });
});
