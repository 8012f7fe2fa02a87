// Small readers for untrusted JSON: each says which field is wrong and why, in the core's `Checked` form.
import { getAddress, isAddress, type Address, type Hex } from 'viem';
import type { Checked } from '../core/validate-report';

export const UINT64_MAX = 2n ** 64n - 1n;
export const UINT256_MAX = 2n ** 256n - 1n;
const DECIMAL = /^(0|[1-9][0-9]{0,77})$/;
const BYTES32 = /^0x[0-9a-fA-F]{64}$/;

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A plain decimal string (no sign, no leading zeros, as leafToJson writes) within `max`. */
export function decimal(x: unknown, field: string, max: bigint): Checked<bigint> {
  if (typeof x !== 'string' || !DECIMAL.test(x)) return { ok: false, error: `${field}: not a decimal string` };
  const n = BigInt(x);
  if (n > max) return { ok: false, error: `${field}: larger than ${max}` };
  return { ok: true, value: n };
}

/** 32 bytes of hex, lowercased: the one form ids are stored and compared in. */
export function bytes32(x: unknown, field: string): Checked<Hex> {
  if (typeof x !== 'string' || !BYTES32.test(x)) return { ok: false, error: `${field}: not 0x + 64 hex digits` };
  return { ok: true, value: x.toLowerCase() as Hex };
}

/** An address, checksummed or lowercase (a wrong checksum is refused), returned checksummed. */
export function address(x: unknown, field: string): Checked<Address> {
  if (typeof x !== 'string' || !isAddress(x, { strict: true })) return { ok: false, error: `${field}: not a checksummed or lowercase address` };
  return { ok: true, value: getAddress(x) };
}
