import { getAddress, isAddress, isAddressEqual, zeroAddress, type Address, type Hex } from 'viem';
import type { Checked } from '../validate-report';
import { hashOfferBatch, recoverBatchSigner } from './eip712';
import { isValidatedLeaf, offerId, validateLeaf } from './leaf';
import { buildTree, type MerkleTree } from './merkle';
import { signatureFormError } from './signature';
import type { OfferBatch, OfferDomain, OfferLeaf } from './types';

export interface MakeBatchParameters {
  leaves: readonly OfferLeaf[];
  licensor: Address;
  /** The licensor's current cancel-all counter. */
  counter: bigint;
  /** Unix seconds. */
  issuedAt: bigint;
}

export interface MakeBatchReturnType {
  batch: OfferBatch;
  tree: MerkleTree;
  /** Each leaf's offer id, in the order the leaves were given. */
  offerIds: Hex[];
}

export interface VerifySignedBatchParameters {
  domain: OfferDomain;
  batch: OfferBatch;
  signature: Hex;
  /** Every leaf of the batch, in any order. */
  leaves: readonly OfferLeaf[];
}

export interface VerifiedBatch {
  /** Idempotent id of the signed batch (its EIP-712 digest). */
  batchId: Hex;
  offerIds: Hex[];
  tree: MerkleTree;
}

const UINT64_MAX = 2n ** 64n - 1n;
const UINT256_MAX = 2n ** 256n - 1n;
const BYTES32 = /^0x[0-9a-fA-F]{64}$/;
const uint = (x: unknown, max: bigint): x is bigint => typeof x === 'bigint' && x >= 0n && x <= max;
const isLicensor = (a: unknown): a is Address =>
  typeof a === 'string' && isAddress(a, { strict: true }) && a.toLowerCase() !== zeroAddress;

/** Ids of leaves that are valid, all the licensor's, all on one chain and all different; or the first problem. */
function leafIds(leaves: readonly unknown[], licensor: Address, chainId?: bigint): Checked<Hex[]> {
  if (leaves.length === 0) return { ok: false, error: 'leaves: a batch needs at least one leaf' };
  const chainOf = chainId === undefined ? "leaves[0]'s" : "the domain's";
  const ids: Hex[] = [];
  const seen = new Map<Hex, number>();
  for (const [i, x] of leaves.entries()) {
    let leaf: OfferLeaf;
    if (isValidatedLeaf(x)) leaf = x; // already checked by validateLeaf (the registry reads leaves that way)
    else {
      const checked = validateLeaf(x);
      if (!checked.ok) return { ok: false, error: `leaves[${i}]: ${checked.error}` };
      leaf = checked.value;
    }
    if (!isAddressEqual(leaf.licensor, licensor))
      return { ok: false, error: `leaves[${i}]: licensor ${leaf.licensor} is not the batch's licensor ${licensor}` };
    chainId ??= leaf.chainId;
    if (leaf.chainId !== chainId)
      return { ok: false, error: `leaves[${i}]: chainId ${leaf.chainId} is not ${chainOf} chainId ${chainId}` };
    const id = offerId(leaf);
    const twin = seen.get(id);
    if (twin !== undefined) return { ok: false, error: `leaves[${i}]: the same offer as leaves[${twin}]` };
    seen.set(id, i);
    ids.push(id);
  }
  return { ok: true, value: ids };
}

/**
 * Put leaves under one Merkle root, ready for a single `signOfferBatch`.
 * Throws, naming the leaf, if a leaf is invalid, not the licensor's, on another chain than the first, or repeated.
 * @example const { batch, tree, offerIds } = makeBatch({ leaves, licensor, counter: 0n, issuedAt: now })
 */
export function makeBatch({ leaves, licensor, counter, issuedAt }: MakeBatchParameters): MakeBatchReturnType {
  if (!isLicensor(licensor)) throw new Error('batch.licensor: not a non-zero checksummed or lowercase address');
  if (!uint(counter, UINT256_MAX)) throw new Error('batch.counter: not a bigint in uint256 range');
  if (!uint(issuedAt, UINT64_MAX)) throw new Error('batch.issuedAt: not a bigint in uint64 range');
  const ids = leafIds(leaves, licensor);
  if (!ids.ok) throw new Error(ids.error);
  const tree = buildTree(ids.value);
  const batch: OfferBatch = { licensor: getAddress(licensor), root: tree.root, count: BigInt(leaves.length), counter, issuedAt };
  return { batch, tree, offerIds: ids.value };
}

function batchFieldError(domain: OfferDomain, batch: OfferBatch): string | undefined {
  if (!uint(domain.chainId, UINT256_MAX) || domain.chainId === 0n) return 'domain.chainId: not a positive uint256';
  if (typeof domain.verifyingContract !== 'string' || !isAddress(domain.verifyingContract, { strict: true }))
    return 'domain.verifyingContract: not an address';
  if (!isLicensor(batch.licensor)) return 'batch.licensor: not a non-zero checksummed or lowercase address';
  if (typeof batch.root !== 'string' || !BYTES32.test(batch.root)) return 'batch.root: not 0x + 64 hex digits';
  if (!uint(batch.count, UINT256_MAX)) return 'batch.count: not a bigint in uint256 range';
  if (!uint(batch.counter, UINT256_MAX)) return 'batch.counter: not a bigint in uint256 range';
  if (!uint(batch.issuedAt, UINT64_MAX)) return 'batch.issuedAt: not a bigint in uint64 range';
  return undefined;
}

/**
 * Check a signed batch and all its leaves as the registry receives them: fields in range, leaf count, every
 * leaf the licensor's and on the domain's chain, root recomputed from the leaves, and an EOA signature by the
 * licensor in the form the contract accepts. ERC-1271 wallets need an on-chain check and fail here.
 * Never throws; the error names the first problem found.
 */
export async function verifySignedBatch({ domain, batch, signature, leaves }: VerifySignedBatchParameters): Promise<Checked<VerifiedBatch>> {
  const fieldError = batchFieldError(domain, batch);
  if (fieldError) return { ok: false, error: fieldError };
  if (!Array.isArray(leaves)) return { ok: false, error: 'leaves: not a list' };
  if (batch.count !== BigInt(leaves.length))
    return { ok: false, error: `batch.count: the batch says ${batch.count} leaves but ${leaves.length} were given` };
  const ids = leafIds(leaves, batch.licensor, domain.chainId);
  if (!ids.ok) return ids;
  const tree = buildTree(ids.value);
  if (tree.root !== batch.root.toLowerCase())
    return { ok: false, error: `batch.root: the leaves hash to ${tree.root}, not to the signed root ${batch.root}` };
  const formError = signatureFormError(signature);
  if (formError) return { ok: false, error: `signature: ${formError}` };
  let signer: Address;
  try {
    signer = await recoverBatchSigner(domain, batch, signature);
  } catch (e) {
    return { ok: false, error: `signature: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  if (!isAddressEqual(signer, batch.licensor))
    return { ok: false, error: `signature: signed by ${signer}, not by the batch's licensor ${batch.licensor}` };
  return { ok: true, value: { batchId: hashOfferBatch(domain, batch), offerIds: ids.value, tree } };
}
