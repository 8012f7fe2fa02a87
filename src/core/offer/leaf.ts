import { encodeAbiParameters, getAddress, isAddress, keccak256, zeroAddress, type Address, type Hex } from 'viem';
import type { Checked } from '../validate-report';
import { leafHash } from './leaf-encoding';
import { LEAF_TYPES, type OfferLeaf, type OfferLeafJson } from './types';

/** A leaf's values in `LEAF_TYPES` order: what abi.encode (and StandardMerkleTree.of) takes. */
export type OfferLeafValues = readonly [Address, string, string, string, Hex, Hex, bigint, Address, bigint, bigint, bigint, Hex];

// Generic so the mapped type keeps the tuple shape and viem can type-check the values.
type Params<T extends readonly string[]> = { readonly [K in keyof T]: { readonly type: T[K] } };
const LEAF_PARAMS = LEAF_TYPES.map((type) => ({ type })) as unknown as Params<typeof LEAF_TYPES>;

/** Limits in UTF-8 bytes, the unit abi.encode and the contract see. */
export const LEAF_LIMITS = { platform: 32, postId: 512, url: 2048 } as const;
const UINT64_MAX = 2n ** 64n - 1n;
const UINT256_MAX = 2n ** 256n - 1n;
const BYTES32 = /^0x[0-9a-fA-F]{64}$/;
const PLATFORM_ID = /^[a-z0-9][a-z0-9._-]*$/;
const DECIMAL = /^(0|[1-9][0-9]{0,77})$/;
// A lone surrogate would be encoded as U+FFFD, so two different strings could share one offer id.
const UNSAFE_CHARS = /[\p{Cs}\p{Cc}]/u;
const BIGINT_FIELDS = ['price', 'chainId', 'validUntil', 'licenseDuration'] as const;

/** Length of `s` in UTF-8 bytes, without encoding it (lone surrogates are refused before this is asked). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) n += c <= 0x7ff || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2; // a surrogate pair: 2 units, 4 bytes
  }
  return n;
}

/**
 * The leaf's values in `LEAF_TYPES` order.
 * @example StandardMerkleTree.of(leaves.map(encodeLeaf), [...LEAF_TYPES])
 */
export function encodeLeaf(leaf: OfferLeaf): OfferLeafValues {
  return [
    leaf.licensor, leaf.platform, leaf.postId, leaf.url, leaf.contentHash, leaf.termsHash,
    leaf.price, leaf.token, leaf.chainId, leaf.validUntil, leaf.licenseDuration, leaf.salt,
  ];
}

/**
 * The offer's id: its StandardMerkleTree leaf hash, `keccak256(bytes.concat(keccak256(abi.encode(values))))`.
 * Throws if a value does not fit its Solidity type; run `validateLeaf` on anything untrusted first.
 */
export function offerId(leaf: OfferLeaf): Hex {
  // Double hashing keeps a 64-byte leaf preimage from passing as an inner node (second-preimage attack).
  return leafHash(leaf);
}

/** The same id through viem's general ABI encoder: the reference `leafHash` is tested against. */
export function offerIdReference(leaf: OfferLeaf): Hex {
  return keccak256(keccak256(encodeAbiParameters(LEAF_PARAMS, encodeLeaf(leaf)), 'bytes'));
}

// A batch repeats one licensor and usually one token in every leaf: checksum each address once, not per leaf.
const checksums = new Map<string, Address>();
function checksummed(address: string): Address {
  let out = checksums.get(address);
  if (!out) {
    out = getAddress(address);
    if (checksums.size > 1000) checksums.clear();
    checksums.set(address, out);
  }
  return out;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkText(s: unknown, maxBytes: number): string | undefined {
  if (typeof s !== 'string' || s === '') return 'not a non-empty string';
  if (UNSAFE_CHARS.test(s)) return 'contains control characters or lone surrogates';
  if (utf8Length(s) > maxBytes) return `longer than ${maxBytes} UTF-8 bytes`;
  return undefined;
}

function checkUrl(s: string): string | undefined {
  try {
    const u = new URL(s);
    if (u.protocol !== 'https:') return 'not an https URL';
    if (u.username || u.password) return 'must not carry credentials';
    // The URL parser silently fixes case, spaces and dot segments; the signed string must already be the fixed one.
    if (u.href !== s) return `not in canonical form (expected ${u.href})`;
  } catch {
    return 'not a URL';
  }
  return undefined;
}

function inRange(x: unknown, max: bigint): x is bigint {
  return typeof x === 'bigint' && x >= 0n && x <= max;
}

/** Leaves validateLeaf returned: frozen, so still valid; checking them again (as verifySignedBatch would) is skipped. */
const validated = new WeakSet<object>();

/** True if `x` is a leaf validateLeaf returned (and so cannot have changed since). */
export function isValidatedLeaf(x: unknown): x is OfferLeaf {
  return typeof x === 'object' && x !== null && validated.has(x);
}

/**
 * Check an untrusted leaf field by field; the first problem is reported as `leaf.<field>: <why>`.
 * On success the value holds only the leaf's fields, addresses checksummed and bytes32 lowercased;
 * normalising changes no offer id (abi.encode is case-blind).
 */
export function validateLeaf(x: unknown): Checked<OfferLeaf> {
  const fail = (field: string, why: string): Checked<OfferLeaf> => ({ ok: false, error: `leaf.${field}: ${why}` });
  if (!isRecord(x)) return { ok: false, error: 'leaf: not an object' };
  for (const field of ['licensor', 'token'] as const) {
    const a = x[field];
    if (typeof a !== 'string' || !isAddress(a, { strict: true })) return fail(field, 'not a checksummed or lowercase address');
    // A zero licensor is what a failed ecrecover returns; a zero token cannot be pulled.
    if (a.toLowerCase() === zeroAddress) return fail(field, 'is the zero address');
  }
  for (const [field, max] of Object.entries(LEAF_LIMITS)) {
    const why = checkText(x[field], max);
    if (why) return fail(field, why);
  }
  if (!PLATFORM_ID.test(x.platform as string)) return fail('platform', 'not a lowercase platform id');
  const urlWhy = checkUrl(x.url as string);
  if (urlWhy) return fail('url', urlWhy);
  for (const field of ['contentHash', 'termsHash', 'salt'] as const) {
    const h = x[field];
    if (typeof h !== 'string' || !BYTES32.test(h)) return fail(field, 'not 0x + 64 hex digits');
  }
  if (!inRange(x.price, UINT256_MAX)) return fail('price', 'not a bigint in uint256 range');
  if (!inRange(x.chainId, UINT256_MAX) || x.chainId === 0n) return fail('chainId', 'not a positive bigint in uint256 range');
  if (!inRange(x.validUntil, UINT64_MAX)) return fail('validUntil', 'not a bigint in uint64 range');
  if (!inRange(x.licenseDuration, UINT64_MAX)) return fail('licenseDuration', 'not a bigint in uint64 range');
  const value: OfferLeaf = Object.freeze({
    licensor: checksummed(x.licensor as string),
    platform: x.platform as string,
    postId: x.postId as string,
    url: x.url as string,
    contentHash: (x.contentHash as string).toLowerCase() as Hex,
    termsHash: (x.termsHash as string).toLowerCase() as Hex,
    price: x.price,
    token: checksummed(x.token as string),
    chainId: x.chainId,
    validUntil: x.validUntil,
    licenseDuration: x.licenseDuration,
    salt: (x.salt as string).toLowerCase() as Hex,
  });
  validated.add(value);
  return { ok: true, value };
}

/** The leaf as JSON-safe data (bigints as decimal strings), for storage and HTTP. */
export function leafToJson(leaf: OfferLeaf): OfferLeafJson {
  // Field by field: a stored or sent leaf carries exactly the signed fields, in LEAF_TYPES order.
  const { licensor, platform, postId, url, contentHash, termsHash, token, salt } = leaf;
  return {
    licensor, platform, postId, url, contentHash, termsHash,
    price: leaf.price.toString(),
    token,
    chainId: leaf.chainId.toString(),
    validUntil: leaf.validUntil.toString(),
    licenseDuration: leaf.licenseDuration.toString(),
    salt,
  };
}

/** Parse and validate a leaf from `leafToJson` form; numbers must be plain decimal strings (no sign, no leading zeros). */
export function leafFromJson(json: unknown): Checked<OfferLeaf> {
  if (!isRecord(json)) return { ok: false, error: 'leaf: not an object' };
  const parsed: Record<string, unknown> = { ...json };
  for (const field of BIGINT_FIELDS) {
    const s = json[field];
    if (typeof s !== 'string' || !DECIMAL.test(s)) return { ok: false, error: `leaf.${field}: not a decimal string` };
    parsed[field] = BigInt(s);
  }
  return validateLeaf(parsed);
}
