import { keccak_256 } from '@noble/hashes/sha3';
import { bytesToHex } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import { defaultTerms, type Terms, type TokenInfo } from './terms';
import { canonicalTermsJson, termsHash } from './terms-hash';

const USDC: TokenInfo = { token: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', chainId: 8453n, decimals: 6, symbol: 'USDC' };

// An independent keccak (noble's, not viem's) over the documented preimage.
const nobleKeccak = (s: string) => `0x${bytesToHex(keccak_256(new TextEncoder().encode(s)))}`;

function full(): Terms {
  return {
    permits: ['ai-train', 'search'],
    prohibits: ['ai-input'],
    users: ['non-commercial', 'education'],
    geo: ['FR', 'DE'],
    payment: 'purchase',
    price: { ...USDC, amount: 20_000n },
    attribution: { required: true, credit: 'Alice', url: 'https://alice.example/' },
    licenseDuration: 31_536_000n,
  };
}

describe('canonicalTermsJson', () => {
  it('is exactly the documented form', () => {
    expect(canonicalTermsJson(defaultTerms(USDC))).toBe(
      '{"attribution":{"required":false},"geo":[],"licenseDuration":"0","payment":"purchase","permits":["ai-train"],' +
        '"price":{"amount":"20000","chainId":"8453","decimals":6,"symbol":"USDC","token":"0x833589fcd6edb6e08f4c7c32d4f71b54bda02913"},' +
        '"prohibits":[],"users":["commercial","non-commercial"],"v":1}',
    );
  });

  it('is valid JSON that keeps bigints past 2^53 exactly', () => {
    const big = { ...full(), price: { ...full().price, amount: 2n ** 200n + 1n } };
    expect(JSON.parse(canonicalTermsJson(big)).price.amount).toBe((2n ** 200n + 1n).toString());
  });
});

describe('termsHash', () => {
  it('is keccak256 of the canonical JSON', () => {
    for (const terms of [defaultTerms(USDC), full()]) expect(termsHash(terms)).toBe(nobleKeccak(canonicalTermsJson(terms)));
  });

  it('does not depend on key order, list order, duplicates, address case or Unicode form', () => {
    const base = full();
    const shuffled: Terms = {
      licenseDuration: base.licenseDuration,
      attribution: { url: 'https://alice.example/', credit: 'Alice', required: true },
      price: { symbol: 'USDC', decimals: 6, chainId: 8453n, token: USDC.token.toLowerCase() as TokenInfo['token'], amount: 20_000n },
      payment: 'purchase',
      geo: ['de', 'FR', 'DE'],
      users: ['education', 'non-commercial'],
      prohibits: ['ai-input', 'ai-input'],
      permits: ['search', 'ai-train'],
    };
    expect(termsHash(shuffled)).toBe(termsHash(base));
    const nfd = { ...base, attribution: { ...base.attribution, credit: 'Zoe\u0308' } };
    const nfc = { ...base, attribution: { ...base.attribution, credit: 'Zo\u00eb' } };
    expect(termsHash(nfd)).toBe(termsHash(nfc));
  });

  it('changes when any field changes', () => {
    const base = full();
    const changes: Partial<Terms>[] = [
      { permits: ['ai-train'] },
      { prohibits: [] },
      { users: ['non-commercial'] },
      { geo: ['FR'] },
      { payment: 'attribution' },
      { price: { ...base.price, amount: 20_001n } },
      { price: { ...base.price, token: '0xdAC17F958D2ee523a2206206994597C13D831ec7' } },
      { price: { ...base.price, chainId: 1n } },
      { price: { ...base.price, decimals: 18 } },
      { price: { ...base.price, symbol: 'USDT' } },
      { attribution: { ...base.attribution, required: false } },
      { attribution: { ...base.attribution, credit: 'Alicia' } },
      { attribution: { required: true, credit: 'Alice' } },
      { attribution: { ...base.attribution, url: 'https://alice.example/x' } },
      { licenseDuration: 31_536_001n },
    ];
    const hashes = new Set([termsHash(base), ...changes.map((c) => termsHash({ ...base, ...c }))]);
    expect(hashes.size).toBe(changes.length + 1);
  });
});
