import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { describe, expect, it } from 'vitest';
import { encodeLeaf, leafFromJson, leafToJson, offerId, validateLeaf } from './leaf';
import { randomLeaf, rng } from './test-leaves';
import { LEAF_TYPES } from './types';

const r = rng(2024);
const good = randomLeaf(r, {
  licensor: '0x52908400098527886E0F7030069857D2E4169EE7', // EIP-55 test vector
  platform: 'x',
  postId: '1790000000000000000',
  url: 'https://x.com/someone/status/1790000000000000000',
});

describe('offerId', () => {
  it('is the StandardMerkleTree leaf hash of the values in LEAF_TYPES order', () => {
    for (let i = 0; i < 20; i++) {
      const leaf = randomLeaf(r);
      expect(encodeLeaf(leaf)).toHaveLength(LEAF_TYPES.length);
      const oz = StandardMerkleTree.of([[...encodeLeaf(leaf)]], [...LEAF_TYPES]);
      expect(offerId(leaf)).toBe(oz.root); // a one-leaf tree's root is the leaf hash
    }
  });

  it('changes when any field changes', () => {
    const id = offerId(good);
    expect(offerId({ ...good, postId: `${good.postId}1` })).not.toBe(id);
    expect(offerId({ ...good, price: good.price + 1n })).not.toBe(id);
    expect(offerId({ ...good, salt: `0x${'00'.repeat(32)}` })).not.toBe(id);
  });
});

describe('validateLeaf', () => {
  it('accepts a good leaf, drops unknown fields and normalises case without changing the id', () => {
    const shouty = { ...good, licensor: good.licensor.toLowerCase(), salt: good.salt.toUpperCase().replace('0X', '0x'), extra: 1 };
    const checked = validateLeaf(shouty);
    expect(checked).toEqual({ ok: true, value: { ...good, salt: good.salt.toLowerCase() } });
    expect(checked.ok && offerId(checked.value)).toBe(offerId(good));
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['a wrong checksum', { licensor: '0x52908400098527886E0F7030069857D2E4169Ee7' }, /leaf\.licensor/],
    // An EIP-55 vector whose checksum form is all lowercase, so all-uppercase is not a checksum.
    ['an all-uppercase address', { token: '0xDE709F2102306220921060314715629080E2FB77' }, /leaf\.token/],
    ['the zero licensor', { licensor: '0x0000000000000000000000000000000000000000' }, /leaf\.licensor: is the zero address/],
    ['an empty platform', { platform: '' }, /leaf\.platform: not a non-empty/],
    ['a platform over 32 bytes', { platform: 'x'.repeat(33) }, /leaf\.platform: longer than 32/],
    ['an uppercase platform', { platform: 'X' }, /leaf\.platform: not a lowercase/],
    ['a postId over 512 UTF-8 bytes', { postId: 'é'.repeat(257) }, /leaf\.postId: longer than 512/],
    ['a postId of 4-byte characters one byte over 512', { postId: `${'😀'.repeat(127)}€ab` }, /leaf\.postId: longer than 512/],
    ['a lone surrogate', { postId: 'ab\ud83d' }, /leaf\.postId: contains control/],
    ['a control character', { postId: 'a\u0000b' }, /leaf\.postId: contains control/],
    ['a postId that is a number', { postId: 12 }, /leaf\.postId/],
    ['an http url', { url: 'http://x.com/a/status/1' }, /leaf\.url: not an https URL/],
    ['a url the parser would rewrite', { url: 'https://X.com/a/status/1' }, /leaf\.url: not in canonical form/],
    ['a url with credentials', { url: 'https://u:p@x.com/a' }, /leaf\.url: must not carry credentials/],
    ['a url over 2048 bytes', { url: `https://x.com/${'a'.repeat(2040)}` }, /leaf\.url: longer than 2048/],
    ['not a url', { url: 'nope' }, /leaf\.url: not a URL/],
    ['a short contentHash', { contentHash: '0x1234' }, /leaf\.contentHash/],
    ['a termsHash without 0x', { termsHash: 'ab'.repeat(32) }, /leaf\.termsHash/],
    ['a price as a number', { price: 5 }, /leaf\.price/],
    ['a negative price', { price: -1n }, /leaf\.price/],
    ['a price over uint256', { price: 2n ** 256n }, /leaf\.price/],
    ['chainId 0', { chainId: 0n }, /leaf\.chainId/],
    ['validUntil over uint64', { validUntil: 2n ** 64n }, /leaf\.validUntil/],
    ['a negative licenseDuration', { licenseDuration: -1n }, /leaf\.licenseDuration/],
  ];
  it.each(bad)('refuses %s', (_name, change, error) => {
    const checked = validateLeaf({ ...good, ...change });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.error).toMatch(error);
  });

  it('counts UTF-8 bytes, not UTF-16 units, at the limits', () => {
    expect(validateLeaf({ ...good, postId: '😀'.repeat(128) }).ok).toBe(true); // 512 bytes in 256 units
    expect(validateLeaf({ ...good, postId: `${'😀'.repeat(127)}€a` }).ok).toBe(true); // 508 + 3 + 1
    expect(validateLeaf({ ...good, postId: 'é'.repeat(256) }).ok).toBe(true);
  });

  it('accepts the edges of every range', () => {
    const edges = { price: 0n, validUntil: 2n ** 64n - 1n, licenseDuration: 0n, chainId: 2n ** 256n - 1n, platform: 'x'.repeat(32) };
    expect(validateLeaf({ ...good, ...edges }).ok).toBe(true);
  });

  it('refuses what is not an object', () => {
    for (const x of [null, undefined, 'leaf', [good]]) expect(validateLeaf(x)).toEqual({ ok: false, error: 'leaf: not an object' });
  });
});

describe('leafToJson / leafFromJson', () => {
  it('round-trip through JSON text with the same offer id', () => {
    for (let i = 0; i < 20; i++) {
      const leaf = randomLeaf(r);
      const back = leafFromJson(JSON.parse(JSON.stringify(leafToJson(leaf))));
      expect(back).toEqual({ ok: true, value: leaf });
      expect(back.ok && offerId(back.value)).toBe(offerId(leaf));
    }
    expect(leafToJson(good).price).toBe(good.price.toString());
    // Exactly the signed fields, in order: nothing else a caller kept on the object is stored or sent.
    expect(Object.keys(leafToJson({ ...good, secret: 'x' } as typeof good))).toEqual(Object.keys(good));
  });

  it.each([['01'], ['-1'], ['1e3'], [' 1'], ['0x10'], [7], ['1'.repeat(79)]])('refuses %j as a number', (v) => {
    const json: Record<string, unknown> = { ...leafToJson(good), validUntil: v };
    expect(leafFromJson(json)).toEqual({ ok: false, error: 'leaf.validUntil: not a decimal string' });
  });

  it('still validates after parsing', () => {
    const tooBig = { ...leafToJson(good), validUntil: (2n ** 64n).toString() };
    expect(leafFromJson(tooBig)).toMatchObject({ ok: false, error: /leaf\.validUntil: not a bigint in uint64/ });
    expect(leafFromJson({ ...leafToJson(good), url: 'http://x.com/' }).ok).toBe(false);
  });
});


describe('fast leaf encoding', () => {
  it('gives the same offer id as viem’s ABI encoder for random leaves, unicode and long strings included', async () => {
    const { offerIdReference } = await import('./leaf');
    const r = rng(7);
    for (let i = 0; i < 300; i++) {
      const leaf = randomLeaf(r, i % 10 === 0 ? { url: `https://x.com/a/status/${'9'.repeat(19)}?q=${'é'.repeat(300)}`, price: 2n ** 256n - 1n } : {});
      expect(offerId(leaf)).toBe(offerIdReference(leaf));
    }
  });
});
