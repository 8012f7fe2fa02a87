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

/** Each use and whether the terms allow it (permitted and not prohibited), in USAGES order. */
export function allowedUses(t: Terms): Record<Usage, boolean> {
  return Object.fromEntries(USAGES.map((u) => [u, t.permits.includes(u) && !t.prohibits.includes(u)])) as Record<Usage, boolean>;
}

/** Each user class and whether the terms let it use the post; no classes named means anyone. */
export function allowedUsers(t: Terms): Record<UserClass, boolean> {
  return Object.fromEntries(USER_CLASSES.map((c) => [c, t.users.length === 0 || t.users.includes(c)])) as Record<UserClass, boolean>;
}
