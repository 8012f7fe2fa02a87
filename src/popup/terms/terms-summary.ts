import { explainTerms } from '../../core/terms/explain';
import type { Terms } from '../../core/terms/terms';
import type { TermsJson } from '../../core/terms/terms-json';

/**
 * Terms from their JSON form, for showing only. The posts list uses this instead of `validateTerms`, which
 * brings viem into the first screen's bundle; stored terms were validated by the background when saved.
 */
export function termsForDisplay(json: TermsJson): Terms | null {
  try {
    return {
      ...json,
      price: { ...json.price, amount: BigInt(json.price.amount), chainId: BigInt(json.price.chainId) },
      licenseDuration: BigInt(json.licenseDuration),
    };
  } catch {
    return null;
  }
}

/** The terms as sentences; empty when they cannot be read. */
export function explainJson(json: TermsJson): string[] {
  const terms = termsForDisplay(json);
  return terms ? explainTerms(terms) : [];
}

/**
 * One line for a post's terms: its own terms' first sentence (what is allowed, by whom, for how much), or
 * "Site default".
 * @example postTermsSummary(undefined) // 'Site default'
 */
export function postTermsSummary(own: TermsJson | undefined): string {
  if (!own) return 'Site default';
  return explainJson(own)[0] ?? 'Own terms';
}
