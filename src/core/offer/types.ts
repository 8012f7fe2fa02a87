import type { Address, Hex } from 'viem';

/**
 * One post's licensing offer: the leaf of a batch's Merkle tree. Encoded for the tree exactly as
 * OpenZeppelin's StandardMerkleTree does with `LEAF_TYPES` (double keccak of abi.encode), so the
 * settlement contract can check it with OpenZeppelin's MerkleProof. `offerId` is that leaf hash.
 */
export interface OfferLeaf {
  licensor: Address;
  platform: string;
  postId: string;
  /** Canonical permalink (core/permalink.ts). */
  url: string;
  /** core/content-hash.ts, 0x + 64 hex. */
  contentHash: Hex;
  /** Hash of the signed terms (core/terms). */
  termsHash: Hex;
  /** Price in the token's base units. */
  price: bigint;
  /** ERC-20 token the price is paid in. */
  token: Address;
  chainId: bigint;
  /** Unix seconds after which the offer can no longer be bought. */
  validUntil: bigint;
  /** Seconds a bought licence lasts; 0 = perpetual. */
  licenseDuration: bigint;
  /** Random 32 bytes: two offers of one post never share an id. */
  salt: Hex;
}

/** An `OfferLeaf` as JSON-safe data for storage and HTTP: bigints become decimal strings (leaf.ts). */
export type OfferLeafJson = { [K in keyof OfferLeaf]: OfferLeaf[K] extends bigint ? string : OfferLeaf[K] };

/** Field order and Solidity types of a leaf, as abi.encode sees it (and the contract's struct). */
export const LEAF_TYPES = [
  'address', // licensor
  'string', // platform
  'string', // postId
  'string', // url
  'bytes32', // contentHash
  'bytes32', // termsHash
  'uint256', // price
  'address', // token
  'uint256', // chainId
  'uint64', // validUntil
  'uint64', // licenseDuration
  'bytes32', // salt
] as const;

/** What the wallet signs once per batch (EIP-712). */
export interface OfferBatch {
  licensor: Address;
  /** Merkle root over the batch's leaves. */
  root: Hex;
  /** Number of leaves. */
  count: bigint;
  /** The licensor's cancel-all counter at signing; the contract refuses any batch not signed at the current `counters(licensor)`. */
  counter: bigint;
  /** Unix seconds. */
  issuedAt: bigint;
}

/** A signed withdrawal of offers (EIP-712), relayed by the registry so the user pays no gas. */
export interface Revocation {
  licensor: Address;
  offerIds: Hex[];
  issuedAt: bigint;
}

export interface OfferDomain {
  chainId: bigint;
  /** The LicenseExchange contract. */
  verifyingContract: Address;
}

export const EIP712_NAME = 'Consentry';
export const EIP712_VERSION = '1';

export const EIP712_TYPES = {
  OfferBatch: [
    { name: 'licensor', type: 'address' },
    { name: 'root', type: 'bytes32' },
    { name: 'count', type: 'uint256' },
    { name: 'counter', type: 'uint256' },
    { name: 'issuedAt', type: 'uint64' },
  ],
  Revocation: [
    { name: 'licensor', type: 'address' },
    { name: 'offerIds', type: 'bytes32[]' },
    { name: 'issuedAt', type: 'uint64' },
  ],
} as const;
