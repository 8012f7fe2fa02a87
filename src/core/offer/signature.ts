import type { Hex } from 'viem';

// secp256k1 n / 2: OpenZeppelin's ECDSA refuses any s above it, since (r, n - s) would be a second valid signature.
const HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;
const SIGNATURE = /^0x[0-9a-fA-F]{130}$/;

/**
 * Why OpenZeppelin's `ECDSA.recover` would refuse this signature's form, or `undefined` if it would not.
 * viem recovers more forms (64-byte ERC-2098, v = 0/1, high s); accepting those here would let the registry
 * serve offers the contract then refuses to settle.
 */
export function signatureFormError(signature: unknown): string | undefined {
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return 'not 65 bytes of hex (r, s, v)';
  const s = BigInt(`0x${signature.slice(66, 130)}`);
  const v = Number.parseInt(signature.slice(130), 16);
  if (v !== 27 && v !== 28) return `v is ${v}, not 27 or 28`;
  if (s === 0n || s > HALF_N) return 's is not in the lower half of the curve order';
  return undefined;
}

/** Throw unless the signature has the one form the contract accepts. */
export function assertSignatureForm(signature: Hex): void {
  const why = signatureFormError(signature);
  if (why) throw new Error(`signature: ${why}`);
}
