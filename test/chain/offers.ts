// Offers as the extension makes them: leaves, a StandardMerkleTree, and EIP-712 signatures. Built with
// OpenZeppelin's reference tree and viem directly, so the contract is checked against independent code.
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { keccak256, stringToHex, type Address, type Hex, type LocalAccount } from 'viem';
import { generatePrivateKey } from 'viem/accounts';
import { EIP712_NAME, EIP712_TYPES, EIP712_VERSION, LEAF_TYPES, type OfferBatch, type OfferLeaf, type Revocation } from '../../src/core/offer/types';

export interface SignedOffer {
  leaf: OfferLeaf;
  proof: Hex[];
  batch: OfferBatch;
  signature: Hex;
}

export interface Domain {
  chainId: bigint;
  verifyingContract: Address;
}

const DAY = 86_400n;

/** A valid-looking leaf; override any field. */
export function makeLeaf(licensor: Address, token: Address, chainId: bigint, now: bigint, overrides: Partial<OfferLeaf> = {}): OfferLeaf {
  const postId = overrides.postId ?? String(Math.floor(Math.random() * 1e15));
  return {
    licensor,
    platform: 'x',
    postId,
    url: `https://x.com/someone/status/${postId}`,
    contentHash: keccak256(stringToHex(`post ${postId}`)),
    termsHash: keccak256(stringToHex('ai-train')),
    price: 2_500_000n, // 2.50 USDC
    token,
    chainId,
    validUntil: now + 30n * DAY,
    licenseDuration: 365n * DAY,
    salt: generatePrivateKey(), // any random 32 bytes
    ...overrides,
  };
}

function values(leaf: OfferLeaf) {
  return [
    leaf.licensor, leaf.platform, leaf.postId, leaf.url, leaf.contentHash, leaf.termsHash,
    leaf.price, leaf.token, leaf.chainId, leaf.validUntil, leaf.licenseDuration, leaf.salt,
  ];
}

export function treeOf(leaves: OfferLeaf[]) {
  return StandardMerkleTree.of(leaves.map(values), [...LEAF_TYPES]);
}

/** The reference offer id: OpenZeppelin's leaf hash. */
export function referenceOfferId(leaf: OfferLeaf): Hex {
  return treeOf([leaf]).leafHash(values(leaf)) as Hex;
}

export function signBatchTypedData(signer: LocalAccount, domain: Domain, batch: OfferBatch): Promise<Hex> {
  return signer.signTypedData({
    domain: { name: EIP712_NAME, version: EIP712_VERSION, ...domain },
    types: EIP712_TYPES,
    primaryType: 'OfferBatch',
    message: batch,
  });
}

export function signRevocation(signer: LocalAccount, domain: Domain, rev: Revocation): Promise<Hex> {
  return signer.signTypedData({
    domain: { name: EIP712_NAME, version: EIP712_VERSION, ...domain },
    types: EIP712_TYPES,
    primaryType: 'Revocation',
    message: rev,
  });
}

/**
 * Put `leaves` in one batch and have `signer` sign it (the signer need not be the licensor: tests use that).
 * Returns one ready-to-buy offer per leaf, in the order given.
 */
export async function signBatch(
  signer: LocalAccount,
  domain: Domain,
  leaves: OfferLeaf[],
  { counter = 0n, licensor = leaves[0]!.licensor, issuedAt = 1_700_000_000n }: { counter?: bigint; licensor?: Address; issuedAt?: bigint } = {},
): Promise<SignedOffer[]> {
  const tree = treeOf(leaves);
  const batch: OfferBatch = { licensor, root: tree.root as Hex, count: BigInt(leaves.length), counter, issuedAt };
  const signature = await signBatchTypedData(signer, domain, batch);
  return leaves.map((leaf, i) => ({ leaf, proof: tree.getProof(i) as Hex[], batch, signature }));
}

/** The arguments of `purchase` for one offer. */
export function purchaseArgs(o: SignedOffer) {
  return [o.leaf, o.proof, o.batch, o.signature] as const;
}
