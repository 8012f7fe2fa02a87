import type { Address } from 'viem';
import { parseDisplayAmount } from './amount';
import type { PaymentType, Usage, UserClass } from './vocabulary';

export type { PaymentType, Usage, UserClass } from './vocabulary';
export { formatDisplayAmount, parseDisplayAmount } from './amount';
export { validateTerms, type TermsIssue, type ValidateTermsResult } from './validate-terms';

/** What a buyer pays, in the token the offer leaf names. */
export interface Price {
  /** In the token's base units (20000n is 0.02 of a 6-decimals token). */
  amount: bigint;
  /** The ERC-20 contract. */
  token: Address;
  chainId: bigint;
  /** The token's `decimals()`, for showing `amount`. */
  decimals: number;
  /** The token's `symbol()`, for showing `amount`. */
  symbol: string;
}

/** Whether a licensee must credit the author, and how. */
export interface Attribution {
  required: boolean;
  /** The credit line, e.g. "Alice Example (@alice)". */
  credit?: string;
  /** Where the credit links to. */
  url?: string;
}

/**
 * The terms a person sets for a site and may override per post (design/TERMS.md, "Consentry terms").
 * Tokens are RSL 1.0's; lists hold no shorthands (`ai-all`, `all` are expanded by `validateTerms`).
 */
export interface Terms {
  /** Uses allowed. Anything not listed is not allowed. */
  permits: Usage[];
  /** Uses refused outright. A use in both lists is refused. */
  prohibits: Usage[];
  /** Who may use the post. Empty means anyone. */
  users: UserClass[];
  /** ISO 3166-1 alpha-2 codes (or `EU`) where the licence applies. Empty means worldwide. */
  geo: string[];
  payment: PaymentType;
  price: Price;
  attribution: Attribution;
  /** Seconds a bought licence lasts; 0 means it never expires. */
  licenseDuration: bigint;
}

/** The token a price is paid in: a `Price` without its amount. */
export type TokenInfo = Omit<Price, 'amount'>;

/**
 * What a new user starts from: AI training allowed for commercial and non-commercial users, worldwide,
 * bought per post for 0.02 of the given (6-decimals stablecoin) token, no credit needed, perpetual.
 * @example defaultTerms({ token: USDC_BASE, chainId: 8453n, decimals: 6, symbol: 'USDC' }).price.amount // 20000n
 */
export function defaultTerms(token: TokenInfo): Terms {
  return {
    permits: ['ai-train'],
    prohibits: [],
    users: ['commercial', 'non-commercial'],
    geo: [],
    payment: 'purchase',
    price: { ...token, amount: parseDisplayAmount('0.02', token.decimals) },
    attribution: { required: false },
    licenseDuration: 0n,
  };
}

/**
 * A post's terms: the site default with the fields the post overrides replaced whole (a list or the
 * price is not merged item by item: "only in France" on a post must not become "Germany and France").
 * Fields set to undefined in `override` keep the default. Run `validateTerms` on the result.
 * @example mergeTerms(site, { payment: 'free' })
 */
export function mergeTerms(siteDefault: Terms, override: Partial<Terms>): Terms {
  const pick = <K extends keyof Terms>(key: K): Terms[K] => override[key] ?? siteDefault[key];
  // Copies, so editing the post's terms never edits the site's.
  return {
    permits: [...pick('permits')],
    prohibits: [...pick('prohibits')],
    users: [...pick('users')],
    geo: [...pick('geo')],
    payment: pick('payment'),
    price: { ...pick('price') },
    attribution: { ...pick('attribution') },
    licenseDuration: pick('licenseDuration'),
  };
}
