import { keccak_256 } from '@noble/hashes/sha3';
import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { keccakBytes, loadFastKeccak } from './keccak';

describe('keccakBytes', () => {
  it('gives the same digests with the WebAssembly keccak as with noble and viem, on empty and multi-block input', async () => {
    const inputs = [new Uint8Array(0), new Uint8Array(32).fill(7), new Uint8Array(135).fill(1), new Uint8Array(136).fill(2), new Uint8Array(672).map((_, i) => i % 251)];
    const before = inputs.map((b) => Buffer.from(keccakBytes(b)).toString('hex'));
    await loadFastKeccak();
    for (const [i, b] of inputs.entries()) {
      const fast = Buffer.from(keccakBytes(b)).toString('hex');
      expect(fast).toBe(before[i]);
      expect(fast).toBe(Buffer.from(keccak_256(b)).toString('hex'));
      expect(`0x${fast}`).toBe(keccak256(b));
    }
    expect(Buffer.from(keccakBytes(new Uint8Array(0))).toString('hex')).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
  });
});

describe('offers with the WebAssembly keccak', () => {
  it('offer ids, tree root and proofs still equal OpenZeppelin’s StandardMerkleTree', async () => {
    const { StandardMerkleTree } = await import('@openzeppelin/merkle-tree');
    const { encodeLeaf, offerId, offerIdReference } = await import('./offer/leaf');
    const { buildTree, verifyProof } = await import('./offer/merkle');
    const { randomLeaf, rng } = await import('./offer/test-leaves');
    const { LEAF_TYPES } = await import('./offer/types');
    await loadFastKeccak();
    const r = rng(42);
    const leaves = Array.from({ length: 37 }, () => randomLeaf(r));
    const ids = leaves.map(offerId);
    for (const [i, leaf] of leaves.entries()) expect(ids[i]).toBe(offerIdReference(leaf));
    const oz = StandardMerkleTree.of(leaves.map(encodeLeaf) as unknown as unknown[][], [...LEAF_TYPES]);
    const tree = buildTree(ids);
    expect(tree.root).toBe(oz.root);
    for (const [i, id] of ids.entries()) {
      expect(tree.proof(id)).toEqual(oz.getProof(i));
      expect(verifyProof(tree.root, id, tree.proof(id))).toBe(true);
    }
  });
});
