import type { Hex } from 'viem';
import { bytesOrRandom, randomBytes, readHex, toHex } from './bytes';
import {
  newPasswordKey,
  open,
  openingKey,
  readSection,
  seal,
  writeSection,
  type CryptoSection,
  type Sealed,
} from './crypto-section';
import { KeystoreFormatError, WrongPasswordError } from './errors';
import { newKdf, type Kdf, type NewKdfOptions } from './kdf';
import { addressOf, parsePrivateKey, privateKeyFromBytes } from './private-key';

/** A Web3 Secret Storage v3 file, as geth, ethers and MetaMask export it. */
export interface KeystoreV3 {
  version: 3;
  id: string;
  /** Lowercase hex without 0x. Optional in the spec; we always write it. */
  address?: string;
  crypto: CryptoSection;
}

/**
 * Defaults: scrypt n 2^17, r 8, p 1 (see DEFAULT_SCRYPT for why), or PBKDF2 c 262144. Fixed salt/iv/uuid
 * (bytes or hex) make output reproducible for tests and vectors; they are random when omitted.
 */
export interface EncryptKeystoreOptions extends NewKdfOptions {
  iv?: Uint8Array | string;
  /** 16 bytes, written as a version-4 UUID the way ethers and ethereumjs-wallet do. */
  uuid?: Uint8Array | string;
  onProgress?: (fraction: number) => void;
}

export interface DecryptKeystoreOptions {
  onProgress?: (fraction: number) => void;
}

/** JSON text longer than this is not a keystore; refusing it early keeps JSON.parse cheap. */
const MAX_JSON_CHARS = 64 * 1024;

function formatUuid(bytes: Uint8Array): string {
  const b = bytes.slice();
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Encrypts a private key into a v3 keystore (scrypt by default) that geth, ethers and MetaMask can open.
 *
 * @example
 * const json = await encryptKeystore('0x7a28…fe9d', 'correct horse')
 * JSON.stringify(json) // what "Export keystore" saves
 */
export async function encryptKeystore(
  privateKey: Hex,
  password: string,
  opts: EncryptKeystoreOptions = {},
): Promise<KeystoreV3> {
  const key = parsePrivateKey(privateKey);
  const kdf = newKdf(opts);
  const iv = bytesOrRandom(opts.iv, 'iv', 16);
  const uuid = bytesOrRandom(opts.uuid, 'uuid', 16);
  const derived = await newPasswordKey(kdf, password, opts.onProgress);
  const keystore = sealKeystore(key, derived, kdf, iv, uuid);
  derived.fill(0);
  return keystore;
}

/** Builds the keystore for `privateKey` under an already derived key (the vault shares one derivation). */
export function sealKeystore(
  privateKey: Hex,
  derivedKey: Uint8Array,
  kdf: Kdf,
  iv?: Uint8Array,
  uuid = randomBytes(16),
): KeystoreV3 {
  const sealed = seal(readHex(privateKey, 'privateKey', 32), derivedKey, kdf, iv);
  return {
    version: 3,
    id: formatUuid(uuid),
    address: addressOf(privateKey).slice(2).toLowerCase(),
    crypto: writeSection(sealed),
  };
}

function parseJson(json: unknown): Record<string, unknown> {
  let value = json;
  if (typeof json === 'string') {
    if (json.length > MAX_JSON_CHARS) {
      throw new KeystoreFormatError('json', `is longer than ${MAX_JSON_CHARS} characters`);
    }
    try {
      value = JSON.parse(json);
    } catch {
      throw new KeystoreFormatError('json', 'is not valid JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KeystoreFormatError('json', 'must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** A keystore checked for format, not yet opened. */
export interface ParsedKeystore {
  /** `crypto` or `Crypto`, whichever the file used: error messages name the real field. */
  at: string;
  sealed: Sealed;
  address?: Uint8Array;
}

/** Every format check of a keystore (object or JSON text), before any KDF work. */
export function readKeystore(json: unknown): ParsedKeystore {
  const file = parseJson(json);
  if (file.version !== 3 && file.version !== '3') {
    throw new KeystoreFormatError('version', `must be 3 (got ${JSON.stringify(file.version) ?? 'nothing'})`);
  }
  const at = 'crypto' in file ? 'crypto' : 'Crypto';
  if (!(at in file)) throw new KeystoreFormatError('crypto', 'is missing');
  const address = file.address == null ? undefined : readHex(file.address, 'address', 20);
  // Under 32 bytes: early writers dropped leading zero bytes; geth's vectors "30_byte_key"/"31_byte_key".
  return { at, sealed: readSection(file[at], at, 1, 32), address };
}

/** Decrypts with a derived key that already passed the MAC check (`openingKey`). */
export function openKeystore(parsed: ParsedKeystore, derivedKey: Uint8Array): Hex {
  const plain = open(parsed.sealed, derivedKey);
  if (!plain) throw new WrongPasswordError();
  const padded = new Uint8Array(32);
  padded.set(plain, 32 - plain.length);
  plain.fill(0);
  const privateKey = privateKeyFromBytes(padded);
  padded.fill(0);
  if (!privateKey) throw new KeystoreFormatError(`${parsed.at}.ciphertext`, 'does not hold a valid private key');
  // The address is not covered by the MAC: a file naming one account but holding another is refused.
  if (parsed.address && addressOf(privateKey).slice(2).toLowerCase() !== toHex(parsed.address)) {
    throw new KeystoreFormatError('address', 'does not match the key inside the file');
  }
  return privateKey;
}

/**
 * Decrypts a v3 keystore (object or JSON text) and returns the private key as 0x-hex.
 * Reads scrypt and PBKDF2-HMAC-SHA256 files, any hex case, `crypto` or `Crypto`, with or without `address`.
 * Throws `WrongPasswordError` when the MAC does not match, `KeystoreFormatError` (naming the field) for
 * anything malformed or too expensive to try; every format check runs before the KDF.
 *
 * @example
 * const key = await decryptKeystore(fileText, password) // '0x7a28…fe9d'
 */
export async function decryptKeystore(
  json: unknown,
  password: string,
  opts: DecryptKeystoreOptions = {},
): Promise<Hex> {
  const parsed = readKeystore(json);
  const derived = await openingKey(parsed.sealed, password, opts.onProgress);
  try {
    return openKeystore(parsed, derived);
  } finally {
    derived.fill(0);
  }
}
