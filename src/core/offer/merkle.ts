import { hexToBytes, type Hex } from 'viem';
import { hexInto, toHex } from '../hex';
import { keccakBytes } from '../keccak';

/** A batch's Merkle tree, laid out exactly as OpenZeppelin's StandardMerkleTree lays it out. */
export interface MerkleTree {
  readonly root: Hex;
  /** Leaf hashes, lowercase, in tree order (ascending). */
  readonly leaves: readonly Hex[];
  /** Sibling hashes from the leaf up, as MerkleProof.verify takes them. Throws if the leaf is not in the tree. */
  proof(leafHash: Hex): Hex[];
}

const BYTES32 = /^0x[0-9a-fA-F]{64}$/;
/** 32 bytes from `0x` + 64 hex digits (checked by the caller). */
function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(32);
  hexInto(out, 32, hex);
  return out;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < 32; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** keccak256 of the two nodes in ascending order: the commutative hash MerkleProof uses. */
function hashPair(a: Uint8Array, b: Uint8Array, scratch: Uint8Array): Uint8Array {
  const [lo, hi] = compareBytes(a, b) <= 0 ? [a, b] : [b, a];
  scratch.set(lo, 0);
  scratch.set(hi, 32);
  return keccakBytes(scratch);
}

/**
 * Build the tree from leaf hashes (`offerId`s) in any order. Same root and proofs as
 * `StandardMerkleTree.of(values, LEAF_TYPES)`: leaves sorted by hash, stored right to left at the end of a
 * 2n-1 array whose node i hashes children 2i+1 and 2i+2. Starting from hashes skips re-encoding every leaf,
 * which is where the reference implementation spends its time.
 * Throws on an empty list, a value that is not 32 bytes, or a repeated leaf (its proof would be ambiguous).
 * @example const tree = buildTree(leaves.map(offerId)); tree.proof(offerId(leaves[0]))
 */
export function buildTree(leafHashes: readonly Hex[]): MerkleTree {
  if (leafHashes.length === 0) throw new Error('merkle: a tree needs at least one leaf');
  // Same-length lowercase hex sorts as strings exactly as the numbers do.
  const leaves = leafHashes.map((h) => {
    if (typeof h !== 'string' || !BYTES32.test(h)) throw new Error(`merkle: leaf ${String(h)} is not 32 bytes of hex`);
    return h.toLowerCase() as Hex;
  });
  leaves.sort();
  for (let i = 1; i < leaves.length; i++) {
    if (leaves[i] === leaves[i - 1]) throw new Error(`merkle: leaf ${leaves[i]} appears twice`);
  }

  const n = leaves.length;
  const bytes: Uint8Array[] = new Array(2 * n - 1);
  const hex: Hex[] = new Array(2 * n - 1);
  const index = new Map<Hex, number>();
  for (let i = 0; i < n; i++) {
    const at = 2 * n - 2 - i;
    hex[at] = leaves[i]!;
    bytes[at] = fromHex(leaves[i]!);
    index.set(leaves[i]!, at);
  }
  const scratch = new Uint8Array(64);
  for (let i = n - 2; i >= 0; i--) {
    bytes[i] = hashPair(bytes[2 * i + 1]!, bytes[2 * i + 2]!, scratch);
    hex[i] = toHex(bytes[i]!);
  }

  return {
    root: hex[0]!,
    leaves,
    proof(leafHash) {
      let i = index.get(leafHash.toLowerCase() as Hex);
      if (i === undefined) throw new Error(`merkle: leaf ${leafHash} is not in the tree`);
      const proof: Hex[] = [];
      for (; i > 0; i = (i - 1) >> 1) proof.push(hex[i % 2 === 1 ? i + 1 : i - 1]!);
      return proof;
    },
  };
}

/**
 * True if `proof` leads from `leafHash` to `root`, computed as OpenZeppelin's `MerkleProof.verify` does.
 * Malformed input is false, never an exception.
 */
export function verifyProof(root: Hex, leafHash: Hex, proof: readonly Hex[]): boolean {
  if (!Array.isArray(proof) || ![root, leafHash, ...proof].every((h) => typeof h === 'string' && BYTES32.test(h))) return false;
  const scratch = new Uint8Array(64);
  let node = hexToBytes(leafHash);
  for (const sibling of proof) node = hashPair(node, hexToBytes(sibling), scratch);
  return compareBytes(node, hexToBytes(root)) === 0;
}
