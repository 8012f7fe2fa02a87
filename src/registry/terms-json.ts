import type { Hex } from 'viem';
import { explainTerms } from '../core/terms/explain';
import type { Terms } from '../core/terms/terms';
import { USAGES, USER_CLASSES, type Usage, type UserClass } from '../core/terms/vocabulary';

/** Terms as JSON: bigints (`price.amount`, `price.chainId`, `licenseDuration`) as decimal strings. */
export interface TermsJson {
  permits: Usage[];
  prohibits: Usage[];
  users: UserClass[];
  geo: string[];
  payment: Terms['payment'];
  price: { amount: string; token: string; chainId: string; decimals: number; symbol: string };
  attribution: Terms['attribution'];
  licenseDuration: string;
}

/** Terms as the registry serves them: the terms, their hash, and the plain-language sentences. */
export type TermsView = TermsJson & { hash: Hex; summary: string[] };

/** Terms as JSON-safe data, the form clients send and the registry stores. */
export function termsToJson(t: Terms): TermsJson {
  return {
    permits: [...t.permits],
    prohibits: [...t.prohibits],
    users: [...t.users],
    geo: [...t.geo],
    payment: t.payment,
    price: { amount: t.price.amount.toString(), token: t.price.token, chainId: t.price.chainId.toString(), decimals: t.price.decimals, symbol: t.price.symbol },
    attribution: { ...t.attribution },
    licenseDuration: t.licenseDuration.toString(),
  };
}

/** The view of validated terms under their hash. */
export function termsView(hash: Hex, t: Terms): TermsView {
  return { hash, ...termsToJson(t), summary: explainTerms(t) };
}

/**
 * What the terms allow, as one small number: bit i for `USAGES[i]` permitted and not prohibited, bit 4 + j
 * for `USER_CLASSES[j]` allowed (all of them when the terms name none). Buyers filter on uses and user
 * classes; kinds are few, so the query path can read each one's offers in order (queries/offers.ts).
 */
export function kindOf(t: Terms): number {
  let kind = 0;
  USAGES.forEach((u, i) => {
    if (t.permits.includes(u) && !t.prohibits.includes(u)) kind |= 1 << i;
  });
  USER_CLASSES.forEach((c, j) => {
    if (t.users.length === 0 || t.users.includes(c)) kind |= 1 << (USAGES.length + j);
  });
  return kind;
}

/** The bits a kind must have to allow every one of `uses` and, if given, `user`. */
export function kindMask(uses: readonly Usage[], user?: UserClass): number {
  let mask = 0;
  for (const u of uses) mask |= 1 << USAGES.indexOf(u);
  if (user !== undefined) mask |= 1 << (USAGES.length + USER_CLASSES.indexOf(user));
  return mask;
}
