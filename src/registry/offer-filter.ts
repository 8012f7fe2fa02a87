import { getAddress, isAddress } from 'viem';
import { expandUsage, isUserClass, USAGES, USER_CLASSES, type Usage } from '../core/terms/vocabulary';
import { readRslList } from '../core/terms/rsl';
import type { Checked } from '../core/validate-report';
import { decodeCursor } from './cursor';
import { decimal, UINT256_MAX } from './json-fields';
import type { OfferFilter } from './queries/offers';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;
const PARAMS = new Set(['platform', 'use', 'user', 'maxPrice', 'token', 'licensor', 'cursor', 'limit']);
const PLATFORM = /^[a-z0-9][a-z0-9._-]{0,31}$/;

const fail = (error: string): Checked<never> => ({ ok: false, error });

function addressParam(value: string, name: string) {
  // A query is not a signature: any case is fine, but it must be an address.
  if (!isAddress(value, { strict: false })) return fail(`${name}: not an address`);
  return { ok: true as const, value: getAddress(value) };
}

/**
 * Read `GET /v1/offers` parameters into a filter (without `now`). Unknown or repeated parameters are refused,
 * so a misspelt filter never silently returns everything.
 * @example readOfferFilter(new URLSearchParams('use=ai-train&user=commercial&maxPrice=20000'))
 */
export function readOfferFilter(q: URLSearchParams): Checked<Omit<OfferFilter, 'now'>> {
  const seen = new Set<string>();
  for (const name of q.keys()) {
    if (!PARAMS.has(name)) return fail(`${name}: unknown parameter (known: ${[...PARAMS].join(', ')})`);
    if (seen.has(name)) return fail(`${name}: given more than once`);
    seen.add(name);
  }
  const f: Omit<OfferFilter, 'now'> = { limit: DEFAULT_LIMIT };
  const platform = q.get('platform');
  if (platform !== null) {
    if (!PLATFORM.test(platform)) return fail('platform: not a platform id (lowercase letters, digits, ".", "_", "-")');
    f.platform = platform;
  }
  const use = q.get('use');
  if (use !== null) {
    const uses = new Set<Usage>();
    for (const token of readRslList(use)) {
      const expanded = expandUsage(token);
      if (!expanded) return fail(`use: '${token}' is not an RSL usage (${USAGES.join(', ')}, ai-all, all)`);
      expanded.forEach((u) => uses.add(u));
    }
    if (uses.size === 0) return fail('use: empty');
    f.uses = [...uses];
  }
  const user = q.get('user');
  if (user !== null) {
    if (!isUserClass(user)) return fail(`user: '${user}' is not an RSL user class (${USER_CLASSES.join(', ')})`);
    f.user = user;
  }
  const maxPrice = q.get('maxPrice');
  if (maxPrice !== null) {
    const price = decimal(maxPrice, 'maxPrice', UINT256_MAX);
    if (!price.ok) return fail(`${price.error} of token base units`);
    f.maxPrice = price.value;
  }
  for (const name of ['token', 'licensor'] as const) {
    const value = q.get(name);
    if (value === null) continue;
    const a = addressParam(value, name);
    if (!a.ok) return a;
    f[name] = a.value;
  }
  const cursor = q.get('cursor');
  if (cursor !== null) {
    const seq = decodeCursor(cursor);
    if (seq === undefined) return fail('cursor: not a cursor from this registry (pass nextCursor back as it is)');
    f.afterSeq = seq;
  }
  const limit = q.get('limit');
  if (limit !== null) {
    if (!/^[1-9][0-9]{0,3}$/.test(limit) || Number(limit) > MAX_LIMIT) return fail(`limit: not a whole number from 1 to ${MAX_LIMIT}`);
    f.limit = Number(limit);
  }
  return { ok: true, value: f };
}
