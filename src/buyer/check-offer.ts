import { getAddress, isAddress, isAddressEqual, type Address, type Hex } from 'viem';
import { recoverBatchSigner } from '../core/offer/eip712';
import { leafFromJson, offerId } from '../core/offer/leaf';
import { verifyProof } from '../core/offer/merkle';
import type { OfferBatch, OfferLeaf } from '../core/offer/types';
import { contentHash } from '../core/content-hash';
import { readPostContent, type Checked, type PostContent } from '../core/validate-report';
import type { OfferDetail } from './registry-client';

/** One licence ready for `purchaseMany`, checked against what the chain will check. */
export interface CheckedPurchase {
  offerId: Hex;
  leaf: OfferLeaf;
  proof: Hex[];
  batch: OfferBatch;
  signature: Hex;
}

export interface CheckOfferParameters {
  detail: OfferDetail;
  chainId: number;
  exchange: Address;
  /** Unix seconds: an offer expiring by then is not worth a transaction. */
  now: bigint;
}

const DECIMAL = /^(0|[1-9][0-9]{0,77})$/;
const BYTES32 = /^0x[0-9a-fA-F]{64}$/;
const fail = (error: string): Checked<never> => ({ ok: false, error });

function readBatch(b: OfferDetail['batch'] | undefined): Checked<OfferBatch> {
  if (!b || typeof b.licensor !== 'string' || !isAddress(b.licensor, { strict: false })) return fail('batch.licensor: not an address');
  if (typeof b.root !== 'string' || !BYTES32.test(b.root)) return fail('batch.root: not bytes32');
  for (const k of ['count', 'counter', 'issuedAt'] as const)
    if (typeof b[k] !== 'string' || !DECIMAL.test(b[k])) return fail(`batch.${k}: not a decimal string`);
  return {
    ok: true,
    value: { licensor: getAddress(b.licensor), root: b.root as Hex, count: BigInt(b.count), counter: BigInt(b.counter), issuedAt: BigInt(b.issuedAt) },
  };
}

/**
 * Check a registry record before paying for it: the leaf parses, its id is the one served, the proof leads to the
 * signed root, the licensor signed that root for this chain and this exchange. A registry that lies (or was
 * tampered with) costs the buyer a skipped offer, not a reverted transaction or a licence to something else.
 * @example const p = await checkOffer({ detail, chainId: 31337, exchange, now }); if (!p.ok) skip(p.error)
 */
export async function checkOffer({ detail, chainId, exchange, now }: CheckOfferParameters): Promise<Checked<CheckedPurchase>> {
  const leaf = leafFromJson(detail.offer);
  if (!leaf.ok) return leaf;
  const id = offerId(leaf.value);
  if (typeof detail.offerId !== 'string' || id !== detail.offerId.toLowerCase())
    return fail(`offerId: the leaf hashes to ${id}, not to the served ${String(detail.offerId)}`);
  const d = detail.domain;
  if (!d || String(d.chainId) !== String(chainId)) return fail(`domain.chainId: ${d?.chainId} is not this chain's ${chainId}`);
  if (typeof d.verifyingContract !== 'string' || !isAddress(d.verifyingContract, { strict: false }) || !isAddressEqual(d.verifyingContract, exchange))
    return fail(`domain.verifyingContract: ${d.verifyingContract} is not the exchange ${exchange}`);
  if (leaf.value.chainId !== BigInt(chainId)) return fail(`leaf.chainId: ${leaf.value.chainId} is not this chain's ${chainId}`);
  if (leaf.value.validUntil <= now) return fail(`expired at ${leaf.value.validUntil}`);
  const batch = readBatch(detail.batch);
  if (!batch.ok) return batch;
  if (!isAddressEqual(batch.value.licensor, leaf.value.licensor)) return fail('batch.licensor: not the leaf\'s licensor');
  const proof = Array.isArray(detail.proof) ? detail.proof : [];
  if (!verifyProof(batch.value.root, id, proof)) return fail('proof: does not lead from the offer to the batch root');
  try {
    const signer = await recoverBatchSigner({ chainId: BigInt(chainId), verifyingContract: exchange }, batch.value, detail.signature);
    if (!isAddressEqual(signer, batch.value.licensor)) return fail(`signature: signed by ${signer}, not by the licensor`);
  } catch (e) {
    return fail(`signature: ${(e as Error).message.split('\n')[0]}`);
  }
  return { ok: true, value: { offerId: id, leaf: leaf.value, proof, batch: batch.value, signature: detail.signature } };
}

/**
 * The post content a registry served with an offer, checked against the signed contentHash: a text that does not
 * hash to it is not what the licensor offered, so the offer is not bought. Null when the registry has no text.
 * @example const c = await checkContent(detail.content, leaf.contentHash); if (!c.ok) skip(c.error)
 */
export async function checkContent(content: unknown, signedHash: Hex): Promise<Checked<PostContent | null>> {
  if (content === undefined || content === null) return { ok: true, value: null };
  const c = readPostContent(content, 'content');
  if (!c.ok) return c;
  if ((await contentHash(c.value.text, c.value.media)) !== signedHash.toLowerCase())
    return fail("content: the served text does not hash to the offer's signed contentHash (not the post that was offered)");
  return c;
}
