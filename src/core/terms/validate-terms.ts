import { getAddress, isAddress } from 'viem';
import { isGeoCode } from './countries';
import type { Attribution, Price, Terms } from './terms';
import { expandUsage, isPaymentType, isUserClass, USAGES, USER_CLASSES, type Usage, type UserClass } from './vocabulary';

/** One problem, tied to the field (dotted path) the form should highlight. */
export interface TermsIssue {
  field: string;
  message: string;
}

export type ValidateTermsResult =
  | { ok: true; value: Terms; warnings: TermsIssue[] }
  | { ok: false; errors: TermsIssue[] };

// The widths the offer leaf and the contract give these numbers (core/offer/types.ts LEAF_TYPES).
const UINT64_MAX = 2n ** 64n - 1n;
const UINT256_MAX = 2n ** 256n - 1n;
const UNSAFE_CHARS = /[\p{Cs}\p{Cc}]/u;
const USE_NAMES: Record<Usage, string> = {
  'ai-train': 'training AI models',
  'ai-input': 'answering questions in real time',
  'ai-index': 'keeping it in an AI search index',
  search: 'listing it in search results',
};

type Issues = { errors: TermsIssue[]; warnings: TermsIssue[] };
type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** bigint, a safe integer, or a string of digits (what JSON storage gives back). */
function toBigInt(x: unknown): bigint | undefined {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'number' && Number.isSafeInteger(x)) return BigInt(x);
  if (typeof x === 'string' && /^-?\d+$/.test(x.trim())) return BigInt(x.trim());
  return undefined;
}

function usages(x: unknown, field: string, issues: Issues): Usage[] {
  if (x === undefined) return [];
  if (!Array.isArray(x)) return issues.errors.push({ field, message: 'Choose uses from the list.' }), [];
  const out = new Set<Usage>();
  for (const token of x) {
    const expanded = typeof token === 'string' ? expandUsage(token.trim()) : undefined;
    if (expanded) expanded.forEach((u) => out.add(u));
    else issues.errors.push({ field, message: `'${String(token)}' isn't a use we know. Choose from: ${USAGES.join(', ')}.` });
  }
  return [...out];
}

function users(x: unknown, issues: Issues): UserClass[] {
  if (x === undefined) return [];
  const field = 'users';
  if (!Array.isArray(x)) return issues.errors.push({ field, message: 'Choose who may use your posts from the list.' }), [];
  const out = new Set<UserClass>();
  for (const token of x) {
    if (typeof token === 'string' && isUserClass(token.trim())) out.add(token.trim() as UserClass);
    else issues.errors.push({ field, message: `'${String(token)}' isn't a kind of user we know. Choose from: ${USER_CLASSES.join(', ')}.` });
  }
  return [...out];
}

function geo(x: unknown, issues: Issues): string[] {
  if (x === undefined) return [];
  if (!Array.isArray(x)) return issues.errors.push({ field: 'geo', message: 'Choose countries from the list.' }), [];
  const out = new Set<string>();
  for (const code of x) {
    const upper = typeof code === 'string' ? code.trim().toUpperCase() : '';
    if (isGeoCode(upper)) out.add(upper);
    else issues.errors.push({ field: 'geo', message: `Unknown country code '${String(code)}'.` });
  }
  return [...out];
}

function price(x: unknown, paid: boolean, issues: Issues): Price {
  const p = isObj(x) ? x : {};
  const err = (field: string, message: string) => issues.errors.push({ field: `price.${field}`, message });
  const amount = toBigInt(p.amount ?? 0n);
  if (amount === undefined) err('amount', 'Price must be a whole number of token units.');
  else if (amount < 0n) err('amount', "Price can't be negative.");
  else if (amount > UINT256_MAX) err('amount', 'Price is too large.');
  else if (paid && amount === 0n) err('amount', 'Price must be more than 0 for a paid licence.');
  const token = typeof p.token === 'string' && isAddress(p.token, { strict: false }) ? getAddress(p.token) : undefined;
  if (!token) err('token', 'Choose the token buyers pay in (its address is missing or malformed).');
  const chainId = toBigInt(p.chainId);
  if (chainId === undefined || chainId <= 0n || chainId > UINT256_MAX) err('chainId', 'Choose the network buyers pay on.');
  const decimals = p.decimals;
  const decimalsOk = typeof decimals === 'number' && Number.isInteger(decimals) && decimals >= 0 && decimals <= 255;
  if (!decimalsOk) err('decimals', "The token's decimal places must be a whole number from 0 to 255.");
  const symbol = typeof p.symbol === 'string' ? p.symbol.trim() : '';
  if (!symbol || symbol.length > 20 || UNSAFE_CHARS.test(symbol)) err('symbol', "The token's symbol is missing or too long.");
  // A free or attribution licence charges nothing, so a price left over from "purchase" must not
  // reach the offer or the terms hash.
  const amountDue = paid ? (amount ?? 0n) : 0n;
  return { amount: amountDue, token: token ?? '0x', chainId: chainId ?? 0n, decimals: decimalsOk ? decimals : 0, symbol };
}

function attribution(x: unknown, forced: boolean, issues: Issues): Attribution {
  const a = isObj(x) ? x : {};
  if (x !== undefined && !isObj(x)) issues.errors.push({ field: 'attribution', message: 'Say whether credit is required.' });
  if (a.required !== undefined && typeof a.required !== 'boolean') {
    issues.errors.push({ field: 'attribution.required', message: 'Say whether credit is required.' });
  }
  // RSL's `attribution` payment type means credit and a link are the price.
  const out: Attribution = { required: forced || a.required === true };
  const credit = typeof a.credit === 'string' ? a.credit.normalize('NFC').trim() : a.credit;
  if (typeof credit === 'string' && credit !== '') {
    if (credit.length > 200 || UNSAFE_CHARS.test(credit)) {
      issues.errors.push({ field: 'attribution.credit', message: 'The credit line must be at most 200 plain characters.' });
    } else out.credit = credit;
  } else if (credit != null && credit !== '') {
    issues.errors.push({ field: 'attribution.credit', message: 'The credit line must be text.' });
  }
  const url = typeof a.url === 'string' ? a.url.trim() : a.url;
  if (url != null && url !== '') {
    if (typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url) && URL.canParse(url)) out.url = url;
    else issues.errors.push({ field: 'attribution.url', message: 'The credit link must be a web address starting with https://.' });
  }
  return out;
}

/**
 * Checks terms from anywhere (a form, storage, a message) and returns them normalised: shorthands
 * expanded, duplicates dropped, country codes upper-cased, the token address checksummed, bigints
 * from digit strings, a free or attribution licence's price set to 0, credit required for an
 * `attribution` licence. A use both permitted and prohibited is dropped from `permits` (prohibits win,
 * as in RSL) and reported in `warnings`. Messages are written for the person who set the terms.
 * @example validateTerms(JSON.parse(stored)) // { ok: true, value, warnings: [] }
 */
export function validateTerms(x: unknown): ValidateTermsResult {
  const issues: Issues = { errors: [], warnings: [] };
  if (!isObj(x)) return { ok: false, errors: [{ field: '', message: 'No licence terms were given.' }] };
  const prohibits = usages(x.prohibits, 'prohibits', issues);
  const permits = usages(x.permits, 'permits', issues).filter((use) => {
    if (!prohibits.includes(use)) return true;
    issues.warnings.push({ field: 'permits', message: `You both allowed and refused ${USE_NAMES[use]} (${use}): it stays refused.` });
    return false;
  });
  if (permits.length === 0 && !issues.errors.some((e) => e.field === 'permits')) {
    issues.errors.push({ field: 'permits', message: 'Choose at least one use to allow.' });
  }
  const payment = x.payment ?? 'purchase';
  if (typeof payment !== 'string' || !isPaymentType(payment)) {
    issues.errors.push({ field: 'payment', message: 'Choose how buyers pay: purchase, free or attribution.' });
  }
  const paymentType = typeof payment === 'string' && isPaymentType(payment) ? payment : 'purchase';
  const duration = toBigInt(x.licenseDuration ?? 0n);
  if (duration === undefined) issues.errors.push({ field: 'licenseDuration', message: 'Licence length must be a whole number of seconds.' });
  else if (duration < 0n) issues.errors.push({ field: 'licenseDuration', message: "Licence length can't be negative." });
  else if (duration > UINT64_MAX) issues.errors.push({ field: 'licenseDuration', message: 'Licence length is too long.' });
  const value: Terms = {
    permits,
    prohibits,
    users: users(x.users, issues),
    geo: geo(x.geo, issues),
    payment: paymentType,
    price: price(x.price, paymentType === 'purchase', issues),
    attribution: attribution(x.attribution, paymentType === 'attribution', issues),
    licenseDuration: duration ?? 0n,
  };
  return issues.errors.length > 0 ? { ok: false, errors: issues.errors } : { ok: true, value, warnings: issues.warnings };
}
