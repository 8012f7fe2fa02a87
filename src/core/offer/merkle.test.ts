import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { encodeLeaf, offerId } from './leaf';
import { buildTree, verifyProof } from './merkle';
import { int, randomHex32, randomLeaf, rng, timed, type Rng } from './test-leaves';
import { LEAF_TYPES, type OfferLeaf } from './types';

// OpenZeppelin's types want mutable arrays.
const values = (leaf: OfferLeaf) => [...encodeLeaf(leaf)];

const flipLastByte = (h: Hex): Hex => `${h.slice(0, 64)}${(parseInt(h.slice(64), 16) ^ 1).toString(16).padStart(2, '0')}` as Hex;

function shuffled<T>(r: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(r, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// The reference implementation is slow (it re-encodes and re-verifies every leaf); a loaded CI box needs headroom.
describe('buildTree matches OpenZeppelin StandardMerkleTree', { timeout: 60_000 }, () => {
  it.each([1, 2, 3, 7, 64, 257])('%i random leaves: same root, same proof for every leaf', (size) => {
    const r = rng(size * 7919);
    const leaves = Array.from({ length: size }, () => randomLeaf(r));
    const oz = StandardMerkleTree.of(leaves.map(values), [...LEAF_TYPES]);
    // Our input order must not matter: the tree sorts by hash as OpenZeppelin does.
    const tree = buildTree(shuffled(r, leaves.map(offerId)));

    expect(tree.root).toBe(oz.root);
    for (const [i, leaf] of leaves.entries()) {
      const id = offerId(leaf);
      expect(id).toBe(oz.leafHash(values(leaf)));
      const proof = tree.proof(id);
      expect(proof).toEqual(oz.getProof(i));
      expect(verifyProof(tree.root, id, proof)).toBe(true);
      expect(StandardMerkleTree.verify(oz.root, [...LEAF_TYPES], values(leaf), proof)).toBe(true);
    }
  });
});

describe('verifyProof', () => {
  const r = rng(42);
  const ids = Array.from({ length: 9 }, () => randomHex32(r));
  const tree = buildTree(ids);
  const id = ids[4]!;
  const proof = tree.proof(id);

  it('accepts a genuine proof, in any hex case', () => {
    expect(verifyProof(tree.root, id, proof)).toBe(true);
    expect(verifyProof(tree.root.toUpperCase().replace('0X', '0x') as Hex, id, proof)).toBe(true);
  });

  it('refuses a tampered proof, leaf or root', () => {
    for (let k = 0; k < proof.length; k++) {
      const bad = proof.map((p, j) => (j === k ? flipLastByte(p) : p));
      expect(verifyProof(tree.root, id, bad)).toBe(false);
    }
    expect(verifyProof(tree.root, flipLastByte(id), proof)).toBe(false);
    expect(verifyProof(tree.root, ids[5]!, proof)).toBe(false);
    expect(verifyProof(flipLastByte(tree.root), id, proof)).toBe(false);
    expect(verifyProof(tree.root, id, proof.slice(1))).toBe(false);
    expect(verifyProof(tree.root, id, [...proof, proof[0]!])).toBe(false);
  });

  it('answers false, not an exception, to malformed input', () => {
    expect(verifyProof(tree.root, '0x1234', proof)).toBe(false);
    expect(verifyProof(tree.root, id, ['0xzz' as Hex])).toBe(false);
    expect(verifyProof(tree.root, id, 'nope' as unknown as Hex[])).toBe(false);
  });
});

describe('buildTree refuses what it cannot prove', () => {
  const r = rng(7);
  const a = randomHex32(r);
  it('an empty list, a repeated leaf (in any case), a value that is not 32 bytes', () => {
    expect(() => buildTree([])).toThrow(/at least one leaf/);
    expect(() => buildTree([a, a.toUpperCase().replace('0X', '0x') as Hex])).toThrow(/appears twice/);
    expect(() => buildTree([a, '0x1234'])).toThrow(/not 32 bytes/);
  });
  it('a proof for a leaf it does not hold', () => {
    expect(() => buildTree([a]).proof(randomHex32(r))).toThrow(/not in the tree/);
    expect(buildTree([a]).proof(a)).toEqual([]);
  });
});

describe('timing (printed, not asserted)', () => {
  it('10,000 leaves: tree and every proof', { timeout: 120_000 }, async () => {
    const r = rng(10_000);
    const leaves = Array.from({ length: 10_000 }, () => randomLeaf(r));
    const [ids, hashing] = await timed(() => leaves.map(offerId));
    const [tree, building] = await timed(() => buildTree(ids));
    const [proofs, proving] = await timed(() => ids.map((id) => tree.proof(id)));
    console.log(`10,000 leaves: offerId ${hashing}; tree ${building}; all proofs ${proving}`);
    expect(verifyProof(tree.root, ids[1234]!, proofs[1234]!)).toBe(true);
  });
});
