import { keccak256, stringToBytes, type Hex } from 'viem';
import type { Terms } from './terms';

/**
 * Canonical terms JSON, version 1: the preimage of `termsHash`, which every signed offer leaf carries,
 * so anyone holding the terms can recompute the hash in any language.
 *
 *  - One JSON object, no whitespace, object keys sorted by UTF-16 code unit at every level, strings
 *    escaped as `JSON.stringify` does (ECMA-404; lone surrogates as \uXXXX).
 *  - `"v": 1` marks this version of the form.
 *  - `permits`, `prohibits`, `users`, `geo`: arrays sorted and de-duplicated; `geo` codes uppercase.
 *    Order of choice means nothing in a licence, so it must not change the hash.
 *  - bigints (`licenseDuration`, `price.amount`, `price.chainId`) as decimal strings: JSON numbers
 *    lose precision past 2^53.
 *  - `price.token` lowercase hex, so checksummed and plain addresses hash alike.
 *  - `price.decimals` a JSON number; `price.symbol`, `attribution.credit`, `attribution.url` Unicode
 *    NFC, so the same credit typed on two systems hashes alike. `credit` and `url` are left out when
 *    absent (never written as null).
 *  - Terms are hashed as given: run `validateTerms` first so shorthands are expanded and prohibits win.
 *
 * @example
 * canonicalTermsJson(defaultTerms(usdc))
 * // '{"attribution":{"required":false},"geo":[],"licenseDuration":"0","payment":"purchase","permits":["ai-train"],
 * //   "price":{"amount":"20000","chainId":"8453","decimals":6,"symbol":"USDC","token":"0x8335…"},"prohibits":[],
 * //   "users":["commercial","non-commercial"],"v":1}'
 */
export function canonicalTermsJson(terms: Terms): string {
  const { attribution: a, price: p } = terms;
  return stringify({
    v: 1,
    permits: sortedSet(terms.permits),
    prohibits: sortedSet(terms.prohibits),
    users: sortedSet(terms.users),
    geo: sortedSet(terms.geo.map((code) => code.toUpperCase())),
    payment: terms.payment,
    price: {
      amount: p.amount.toString(),
      token: p.token.toLowerCase(),
      chainId: p.chainId.toString(),
      decimals: p.decimals,
      symbol: p.symbol.normalize('NFC'),
    },
    attribution: {
      required: a.required,
      ...(a.credit === undefined ? {} : { credit: a.credit.normalize('NFC') }),
      ...(a.url === undefined ? {} : { url: a.url.normalize('NFC') }),
    },
    licenseDuration: terms.licenseDuration.toString(),
  });
}

/**
 * The hash an offer leaf's `termsHash` holds: keccak256 of the UTF-8 bytes of `canonicalTermsJson`.
 * @example termsHash(terms) // '0x…' (32 bytes)
 */
export function termsHash(terms: Terms): Hex {
  return keccak256(stringToBytes(canonicalTermsJson(terms)));
}

type Json = string | number | boolean | Json[] | { [key: string]: Json };

function sortedSet(items: readonly string[]): string[] {
  return [...new Set(items)].sort(compare);
}

// Plain code-unit order: localeCompare depends on the runtime's ICU data and locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stringify(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort(compare);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stringify(value[k] as Json)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
