import { pbkdf2Async } from '@noble/hashes/pbkdf2';
import { sha256 } from '@noble/hashes/sha2';
import { bytesOrRandom, equalBytes, readHex, toHex } from './bytes';
import { KeystoreFormatError } from './errors';
import { scryptYielding } from './scrypt';

/** Key derivation for Web3 Secret Storage v3: scrypt or PBKDF2-HMAC-SHA256, always to a 32-byte key. */

/** A parsed, checked KDF: safe to run. */
export type Kdf =
  | { name: 'scrypt'; n: number; r: number; p: number; salt: Uint8Array }
  | { name: 'pbkdf2'; c: number; salt: Uint8Array };

/** The `kdf` + `kdfparams` members as they appear in the JSON. */
export type KdfJson =
  | { kdf: 'scrypt'; kdfparams: { dklen: 32; n: number; r: number; p: number; salt: string } }
  | { kdf: 'pbkdf2'; kdfparams: { dklen: 32; c: number; prf: 'hmac-sha256'; salt: string } };

/**
 * n = 2^17 (r 8, p 1) is ethers' default, so files we export open at normal speed everywhere. It costs
 * 128 MiB and about 0.7 s in pure-JS scrypt, which a service worker can afford once per unlock. geth's
 * 2^18 would double both; MV3 gives us no native scrypt to make that cheap.
 */
export const DEFAULT_SCRYPT = { n: 2 ** 17, r: 8, p: 1 } as const;
/** geth's and ethereumjs-wallet's PBKDF2 default (and the spec's test vector). */
export const DEFAULT_PBKDF2_C = 262_144;

/**
 * A keystore file picks its own KDF cost, so a hostile file could ask for hours of CPU or gigabytes of
 * memory before we ever get to say "wrong password". These caps are far above anything real wallets write
 * (geth's heaviest is n 2^18) and refuse the rest up front.
 */
export const KDF_LIMITS = {
  maxScryptN: 2 ** 20,
  /** Bytes of scrypt's V array, 128·r·n: 1 GiB, which n 2^20 with r 8 reaches. */
  maxScryptMemory: 2 ** 30,
  /** n·r·p, proportional to time: n 2^20, r 8, p 1 (about 6 s in Node). */
  maxScryptWork: 2 ** 23,
  maxPbkdf2C: 10_000_000,
  maxSaltBytes: 1024,
} as const;

function readInt(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new KeystoreFormatError(field, 'must be an integer');
  }
  if (value < min || value > max) {
    throw new KeystoreFormatError(field, `must be between ${min} and ${max} (got ${value})`);
  }
  return value;
}

function readObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KeystoreFormatError(field, 'must be an object');
  }
  return value as Record<string, unknown>;
}

/** Reads and bounds-checks `kdf`/`kdfparams` of a crypto section at path `at` (e.g. "crypto"). */
export function readKdf(section: Record<string, unknown>, at: string): Kdf {
  const params = readObject(section.kdfparams, `${at}.kdfparams`);
  const field = (name: string) => `${at}.kdfparams.${name}`;
  if (params.dklen !== 32) throw new KeystoreFormatError(field('dklen'), `must be 32 (got ${String(params.dklen)})`);
  const salt = readHex(params.salt, field('salt'), 0, KDF_LIMITS.maxSaltBytes);
  if (section.kdf === 'scrypt') {
    const n = readInt(params.n, field('n'), 2, KDF_LIMITS.maxScryptN);
    if ((n & (n - 1)) !== 0) throw new KeystoreFormatError(field('n'), `must be a power of two (got ${n})`);
    const r = readInt(params.r, field('r'), 1, KDF_LIMITS.maxScryptMemory / (128 * n));
    const p = readInt(params.p, field('p'), 1, Math.floor(KDF_LIMITS.maxScryptWork / (n * r)));
    return { name: 'scrypt', n, r, p, salt };
  }
  if (section.kdf === 'pbkdf2') {
    if (params.prf !== 'hmac-sha256') {
      throw new KeystoreFormatError(field('prf'), `must be "hmac-sha256" (got ${JSON.stringify(params.prf)})`);
    }
    return { name: 'pbkdf2', c: readInt(params.c, field('c'), 1, KDF_LIMITS.maxPbkdf2C), salt };
  }
  throw new KeystoreFormatError(`${at}.kdf`, `must be "scrypt" or "pbkdf2" (got ${JSON.stringify(section.kdf)})`);
}

/** KDF choices for a new secret; omitted values take the defaults above and a random 32-byte salt. */
export interface NewKdfOptions {
  kdf?: 'scrypt' | 'pbkdf2';
  n?: number;
  r?: number;
  p?: number;
  c?: number;
  salt?: Uint8Array | string;
}

/** A KDF for sealing a new secret, held to the same limits as files we read: we never write what we would refuse. */
export function newKdf(opts: NewKdfOptions = {}): Kdf {
  const salt = toHex(bytesOrRandom(opts.salt, 'salt', 32, 16, KDF_LIMITS.maxSaltBytes));
  const kdfparams =
    opts.kdf === 'pbkdf2'
      ? { dklen: 32, c: opts.c ?? DEFAULT_PBKDF2_C, prf: 'hmac-sha256', salt }
      : { dklen: 32, n: opts.n ?? DEFAULT_SCRYPT.n, r: opts.r ?? DEFAULT_SCRYPT.r, p: opts.p ?? DEFAULT_SCRYPT.p, salt };
  return readKdf({ kdf: opts.kdf ?? 'scrypt', kdfparams }, 'crypto');
}

/** The JSON members for a KDF, in the shape other wallets write. */
export function writeKdf(kdf: Kdf): KdfJson {
  const salt = toHex(kdf.salt);
  return kdf.name === 'scrypt'
    ? { kdf: 'scrypt', kdfparams: { dklen: 32, n: kdf.n, r: kdf.r, p: kdf.p, salt } }
    : { kdf: 'pbkdf2', kdfparams: { dklen: 32, c: kdf.c, prf: 'hmac-sha256', salt } };
}

/** True when both would derive the same key from the same password. */
export function sameKdf(a: Kdf, b: Kdf): boolean {
  if (!equalBytes(a.salt, b.salt)) return false;
  if (a.name === 'scrypt' && b.name === 'scrypt') return a.n === b.n && a.r === b.r && a.p === b.p;
  return a.name === 'pbkdf2' && b.name === 'pbkdf2' && a.c === b.c;
}

/**
 * PBKDF2 through WebCrypto: native speed, and it runs off the main thread, so even c 10^7 does not stall
 * the worker. noble's pure-JS version is the fallback for an engine that refuses the inputs (some refuse an
 * empty password as key material); like its scryptAsync it blocks while it runs.
 */
async function pbkdf2Sha256(password: Uint8Array, salt: Uint8Array, c: number): Promise<Uint8Array> {
  try {
    const subtle = globalThis.crypto.subtle;
    // Copies: WebCrypto's types want plain ArrayBuffer-backed views.
    const key = await subtle.importKey('raw', new Uint8Array(password), 'PBKDF2', false, ['deriveBits']);
    const params = { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations: c };
    const bits = await subtle.deriveBits(params, key, 256);
    return new Uint8Array(bits);
  } catch {
    return pbkdf2Async(sha256, password, salt, { c, dkLen: 32 });
  }
}

/**
 * Derives the 32-byte key without freezing the caller: scrypt yields to the event loop as it goes
 * (scrypt.ts says why noble's scryptAsync does not), PBKDF2 runs in WebCrypto. `onProgress` gets 0..1
 * (scrypt only).
 */
export function deriveKey(kdf: Kdf, password: Uint8Array, onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  if (kdf.name === 'pbkdf2') return pbkdf2Sha256(password, kdf.salt, kdf.c);
  return scryptYielding(password, kdf.salt, kdf.n, kdf.r, kdf.p, 32, onProgress);
}
