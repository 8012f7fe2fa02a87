import type { Terms } from './terms';

/** Terms as JSON can carry them (extension messages, storage, HTTP): bigints as decimal strings. */
export type TermsJson = Omit<Terms, 'price' | 'licenseDuration'> & {
  price: Omit<Terms['price'], 'amount' | 'chainId'> & { amount: string; chainId: string };
  licenseDuration: string;
};

/** The JSON form of `terms`; `validateTerms` reads it back. */
export function termsToJson(terms: Terms): TermsJson {
  return {
    ...terms,
    permits: [...terms.permits],
    prohibits: [...terms.prohibits],
    users: [...terms.users],
    geo: [...terms.geo],
    attribution: { ...terms.attribution },
    price: { ...terms.price, amount: terms.price.amount.toString(), chainId: terms.price.chainId.toString() },
    licenseDuration: terms.licenseDuration.toString(),
  };
}
