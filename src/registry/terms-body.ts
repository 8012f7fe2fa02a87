import type { Hex } from 'viem';
import { toRslXml } from '../core/terms/rsl';
import { validateTerms, type Terms } from '../core/terms/terms';
import { termsHash } from '../core/terms/terms-hash';
import type { Checked } from '../core/validate-report';
import { bytes32, isRecord } from './json-fields';

/**
 * Read a body's `terms`, an object of terms by their hash. Each entry must validate and hash to its key, and
 * must be writable as RSL: terms the registry could not serve are refused now, not when a buyer asks.
 */
export function readTermsMap(x: unknown, maxEntries: number): Checked<Map<Hex, Terms>> {
  if (!isRecord(x)) return { ok: false, error: 'terms: not an object of terms by their termsHash' };
  const entries = Object.entries(x);
  if (entries.length > maxEntries) return { ok: false, error: `terms: ${entries.length} entries, more than the ${maxEntries} leaves can use` };
  const out = new Map<Hex, Terms>();
  for (const [key, value] of entries) {
    const hash = bytes32(key, `terms[${key}]`);
    if (!hash.ok) return { ok: false, error: `terms[${key}]: the key is not a termsHash (0x + 64 hex digits)` };
    const checked = validateTerms(value);
    if (!checked.ok) {
      const why = checked.errors.map((e) => `${e.field || 'terms'}: ${e.message}`).join('; ');
      return { ok: false, error: `terms[${key}]: ${why}` };
    }
    const actual = termsHash(checked.value);
    if (actual !== hash.value) return { ok: false, error: `terms[${key}]: terms hash mismatch: these terms hash to ${actual}, not to their key` };
    try {
      toRslXml(checked.value, { contentUrl: 'https://example.invalid/', offerUrl: 'https://example.invalid/' });
    } catch (e) {
      return { ok: false, error: `terms[${key}]: cannot be written as RSL: ${(e as Error).message}` };
    }
    out.set(hash.value, checked.value);
  }
  return { ok: true, value: out };
}
