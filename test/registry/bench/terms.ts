// The terms benchmark offers are made under: four kinds of licence, two tokens, six price levels.
import type { Hex } from 'viem';
import { defaultTerms, type Terms, type TokenInfo } from '../../../src/core/terms/terms';
import { termsHash } from '../../../src/core/terms/terms-hash';
import type { Rng } from '../../../src/core/offer/test-leaves';
import { EURC, USDC } from '../offers';

export { EURC, USDC };

/** Share of offers per kind of licence. */
const KINDS: [weight: number, make: (token: TokenInfo, amount: bigint) => Terms][] = [
  [0.6, (token, amount) => ({ ...defaultTerms(token), price: { ...token, amount } })], // ai-train, commercial + non-commercial
  [0.2, (token, amount) => ({ ...defaultTerms(token), permits: ['ai-train', 'search'], users: [], price: { ...token, amount } })],
  [0.15, (token) => ({ ...defaultTerms(token), users: ['non-commercial', 'education'], payment: 'free', price: { ...token, amount: 0n } })],
  [0.05, (token, amount) => ({ ...defaultTerms(token), permits: ['ai-input'], users: ['government'], price: { ...token, amount } })],
];
const TOKENS: [number, TokenInfo][] = [
  [0.9, USDC],
  [0.1, EURC],
];
/** Prices in base units (6 decimals): 0.01 to 1 token, and a rare one past 2^64. */
export const PRICES: [number, bigint][] = [
  [0.2, 10_000n],
  [0.4, 20_000n],
  [0.2, 50_000n],
  [0.1, 100_000n],
  [0.09, 1_000_000n],
  [0.01, 2n ** 70n],
];

export interface BenchTerms {
  terms: Terms;
  hash: Hex;
  weight: number;
}

/** Every combination with its share of offers. */
export const BENCH_TERMS: BenchTerms[] = KINDS.flatMap(([kw, make]) =>
  TOKENS.flatMap(([tw, token]) =>
    PRICES.map(([pw, amount]) => {
      const terms = make(token, amount);
      return { terms, hash: termsHash(terms), weight: kw * tw * pw };
    }),
  ),
);

const cumulative = BENCH_TERMS.reduce<number[]>((acc, t) => [...acc, (acc.at(-1) ?? 0) + t.weight], []);

/** The index of a terms entry drawn by weight. */
export function pick(r: Rng): number {
  const x = r() * cumulative.at(-1)!;
  const i = cumulative.findIndex((c) => x < c);
  return i === -1 ? cumulative.length - 1 : i;
}
