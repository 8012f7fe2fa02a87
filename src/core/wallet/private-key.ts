import type { Address, Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { toHex } from './bytes';
import { InvalidSecretError } from './errors';

/** Order of secp256k1: a private key is an integer in [1, N-1]. */
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

function inRange(hex64: string): boolean {
  const k = BigInt(`0x${hex64}`);
  return k > 0n && k < SECP256K1_N;
}

/**
 * Checks typed or pasted private-key text (optional 0x, any case, surrounding spaces) and returns it as
 * lowercase 0x-hex. Throws `InvalidSecretError` with a message meant for the user.
 *
 * @example
 * parsePrivateKey(' 0X7A28…FE9D ') // '0x7a28…fe9d'
 */
export function parsePrivateKey(input: string): Hex {
  const trimmed = input.trim();
  const body = /^0x/i.test(trimmed) ? trimmed.slice(2) : trimmed;
  if (!/^[0-9a-f]*$/i.test(body)) throw new InvalidSecretError('Private key must be 64 hex digits (0-9, a-f).');
  if (body.length !== 64) throw new InvalidSecretError(`Private key must be 64 hex digits (got ${body.length}).`);
  if (!inRange(body)) throw new InvalidSecretError('That private key is outside the range a wallet can use.');
  return `0x${body.toLowerCase()}`;
}

/** 32 key bytes as 0x-hex, or `undefined` when they are not a usable secp256k1 key. */
export function privateKeyFromBytes(bytes: Uint8Array): Hex | undefined {
  const hex = toHex(bytes);
  return bytes.length === 32 && inRange(hex) ? `0x${hex}` : undefined;
}

/** Checksummed address of a key that already passed `parsePrivateKey` or `privateKeyFromBytes`. */
export function addressOf(privateKey: Hex): Address {
  return privateKeyToAddress(privateKey);
}
