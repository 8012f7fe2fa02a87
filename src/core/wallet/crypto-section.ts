import { ctr } from '@noble/ciphers/aes';
import { keccak_256 } from '@noble/hashes/sha3';
import { equalBytes, randomBytes, readHex, toHex } from './bytes';
import { KeystoreFormatError, WrongPasswordError } from './errors';
import { deriveKey, readKdf, writeKdf, type Kdf, type KdfJson } from './kdf';

/**
 * The `crypto` object of Web3 Secret Storage v3: aes-128-ctr under derivedKey[0..16], authenticated by
 * keccak256(derivedKey[16..32] ++ ciphertext). The vault reuses it for the recovery phrase, so one
 * audited construction protects both secrets.
 */

/** The `crypto` member as JSON. */
export type CryptoSection = KdfJson & {
  cipher: 'aes-128-ctr';
  cipherparams: { iv: string };
  ciphertext: string;
  mac: string;
};

/** A parsed, checked `crypto` member. */
export interface Sealed {
  kdf: Kdf;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  mac: Uint8Array;
}

/**
 * Parses the `crypto` object at path `at`, checking every field before any expensive work. The ciphertext
 * must be `minBytes`..`maxBytes` long.
 */
export function readSection(value: unknown, at: string, minBytes: number, maxBytes: number): Sealed {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KeystoreFormatError(at, 'must be an object');
  }
  const section = value as Record<string, unknown>;
  if (section.cipher !== 'aes-128-ctr') {
    throw new KeystoreFormatError(`${at}.cipher`, `must be "aes-128-ctr" (got ${JSON.stringify(section.cipher)})`);
  }
  const params = section.cipherparams;
  if (typeof params !== 'object' || params === null) {
    throw new KeystoreFormatError(`${at}.cipherparams`, 'must be an object');
  }
  return {
    iv: readHex((params as Record<string, unknown>).iv, `${at}.cipherparams.iv`, 16),
    ciphertext: readHex(section.ciphertext, `${at}.ciphertext`, minBytes, maxBytes),
    mac: readHex(section.mac, `${at}.mac`, 32),
    kdf: readKdf(section, at),
  };
}

/** The JSON form, key order as geth writes it. */
export function writeSection(s: Sealed): CryptoSection {
  return {
    cipher: 'aes-128-ctr',
    cipherparams: { iv: toHex(s.iv) },
    ciphertext: toHex(s.ciphertext),
    ...writeKdf(s.kdf),
    mac: toHex(s.mac),
  };
}

function macOf(derivedKey: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const body = new Uint8Array(16 + ciphertext.length);
  body.set(derivedKey.subarray(16, 32));
  body.set(ciphertext, 16);
  return keccak_256(body);
}

/** Encrypts `secret` under an already derived key. `iv` defaults to 16 random bytes. */
export function seal(secret: Uint8Array, derivedKey: Uint8Array, kdf: Kdf, iv = randomBytes(16)): Sealed {
  // noble's ctr advances the counter it is given: hand it a copy so `iv` stays what we store.
  const ciphertext = ctr(derivedKey.slice(0, 16), iv.slice()).encrypt(secret);
  return { kdf, iv, ciphertext, mac: macOf(derivedKey, ciphertext) };
}

/** Decrypts with an already derived key; `undefined` when the MAC does not match. */
export function open(s: Sealed, derivedKey: Uint8Array): Uint8Array | undefined {
  if (!equalBytes(macOf(derivedKey, s.ciphertext), s.mac)) return undefined;
  return ctr(derivedKey.slice(0, 16), s.iv.slice()).decrypt(s.ciphertext);
}

/**
 * Password bytes to try, in order. ethers normalises passwords to NFKC; geth and MetaMask use the raw
 * UTF-8. We write NFKC (the same typed password can arrive composed or decomposed) and, on a MAC
 * mismatch, retry with the raw form so non-ASCII passwords from either family still open.
 */
export function passwordCandidates(password: string): Uint8Array[] {
  const utf8 = new TextEncoder();
  const nfkc = password.normalize('NFKC');
  return nfkc === password ? [utf8.encode(password)] : [utf8.encode(nfkc), utf8.encode(password)];
}

/** The key for sealing under a new password: always the NFKC form. */
export function newPasswordKey(
  kdf: Kdf,
  password: string,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  return deriveKey(kdf, passwordCandidates(password)[0]!, onProgress);
}

/**
 * Derives the key that opens `s` from `password`, trying each candidate form; throws
 * `WrongPasswordError` when none matches the MAC.
 */
export async function openingKey(
  s: Sealed,
  password: string,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  for (const candidate of passwordCandidates(password)) {
    const key = await deriveKey(s.kdf, candidate, onProgress);
    if (equalBytes(macOf(key, s.ciphertext), s.mac)) return key;
    key.fill(0);
  }
  throw new WrongPasswordError();
}
