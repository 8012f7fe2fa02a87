import { KeystoreFormatError } from './errors';

/** Bytes ↔ hex as keystores write it (lowercase, no 0x), plus randomness that works in Node and workers. */

const HEX_BODY = /^[0-9a-f]*$/i;

/**
 * Reads a hex string field, accepting any case and an optional 0x (files in the wild have both), with a
 * byte length between `min` and `max`. Throws `KeystoreFormatError` naming `field`.
 */
export function readHex(value: unknown, field: string, min: number, max = min): Uint8Array {
  if (typeof value !== 'string') throw new KeystoreFormatError(field, 'must be a hex string');
  const body = value.startsWith('0x') || value.startsWith('0X') ? value.slice(2) : value;
  if (!HEX_BODY.test(body) || body.length % 2 !== 0) {
    throw new KeystoreFormatError(field, 'is not valid hex');
  }
  const length = body.length / 2;
  if (length < min || length > max) {
    const want = min === max ? `${min}` : `${min} to ${max}`;
    throw new KeystoreFormatError(field, `must be ${want} bytes (got ${length})`);
  }
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = parseInt(body.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Lowercase hex without 0x: the form geth, ethers and MetaMask write into keystore files. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** WebCrypto randomness: present in Node 20 and in MV3 service workers, unlike node:crypto. */
export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** Compares in time independent of where the first difference is, so a MAC check leaks nothing. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** A caller-supplied salt/iv/uuid (bytes or hex) checked against [min, max] bytes, else `randomLength` fresh bytes. */
export function bytesOrRandom(
  value: Uint8Array | string | undefined,
  field: string,
  randomLength: number,
  min = randomLength,
  max = min,
): Uint8Array {
  if (value === undefined) return randomBytes(randomLength);
  return readHex(typeof value === 'string' ? value : toHex(value), field, min, max);
}
