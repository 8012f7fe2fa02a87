import type { Terms } from './terms';
import { AI_USAGES, type Usage } from './vocabulary';

/** A CAWG training-and-data-mining answer (CAWG Training and Data Mining Assertion 1.1 §3.1). */
export type CawgUse = 'allowed' | 'notAllowed' | 'constrained';

export interface CawgEntry {
  use: CawgUse;
  /** Where the constraint is explained: for us, the offer to buy. */
  constraint_info?: string;
}

/** The four pre-defined CAWG entries (C2PA 1.x used the same names with a `c2pa.` prefix). */
export type CawgEntryKey = 'cawg.ai_training' | 'cawg.ai_generative_training' | 'cawg.ai_inference' | 'cawg.data_mining';

/** The data of a `cawg.training-mining` assertion. */
export interface CawgTrainingMining {
  entries: Record<CawgEntryKey, CawgEntry>;
}

/** W3C TDMRep properties: one rule of `/.well-known/tdmrep.json` without its `location`, or two headers. */
export interface TdmRep {
  'tdm-reservation': 1;
  'tdm-policy': string;
}

const allowed = (terms: Terms, use: Usage) => terms.permits.includes(use) && !terms.prohibits.includes(use);

/**
 * Whether an allowed use comes with no strings: free, no credit, anyone, anywhere, for ever. Only then
 * may a signal say a flat "allowed"; a price, credit, or a user, place or time limit is a condition.
 */
function unconditional(terms: Terms): boolean {
  return (
    terms.payment === 'free' &&
    !terms.attribution.required &&
    terms.users.length === 0 &&
    terms.geo.length === 0 &&
    terms.licenseDuration === 0n
  );
}

/**
 * The IETF aipref `Content-Usage` header value (draft-ietf-aipref-vocab §6, an RFC 9651 Dictionary with
 * Token values `y`/`n`). Only `train-ai` and `search`: the other labels came and went between drafts,
 * and an unknown label is ignored anyway. A priced permission is still a `y`: the preference is "yes,
 * on my terms", and the terms travel in RSL.
 * @example toContentUsage(defaultTerms(usdc)) // 'train-ai=y, search=n'
 */
export function toContentUsage(terms: Terms): string {
  const yn = (use: Usage) => (allowed(terms, use) ? 'y' : 'n');
  return `train-ai=${yn('ai-train')}, search=${yn('search')}`;
}

/**
 * The Cloudflare Content Signals value (robots.txt `Content-Signal:` line), whose three signals share
 * RSL's definitions of `ai-train`, `search` and `ai-input`.
 * @example toContentSignal(defaultTerms(usdc)) // 'ai-train=yes, search=no, ai-input=no'
 */
export function toContentSignal(terms: Terms): string {
  const yn = (use: Usage) => (allowed(terms, use) ? 'yes' : 'no');
  return `ai-train=${yn('ai-train')}, search=${yn('search')}, ai-input=${yn('ai-input')}`;
}

/**
 * The `cawg.training-mining` assertion data for the post's C2PA manifest. `ai-train` answers both
 * training entries, `ai-input` inference, `ai-index` data mining (the nearest CAWG has). An allowed use
 * with conditions is `constrained`, pointing at the offer; CAWG readers treat `constrained` without
 * more information as `notAllowed`, which is right for a post that must be bought first.
 * @example toCawgTrainingMining(terms, offerUrl).entries['cawg.ai_training'] // { use: 'constrained', constraint_info: offerUrl }
 */
export function toCawgTrainingMining(terms: Terms, offerUrl: string): CawgTrainingMining {
  const entry = (use: Usage): CawgEntry => {
    if (!allowed(terms, use)) return { use: 'notAllowed' };
    return unconditional(terms) ? { use: 'allowed' } : { use: 'constrained', constraint_info: offerUrl };
  };
  return {
    entries: {
      'cawg.ai_training': entry('ai-train'),
      'cawg.ai_generative_training': entry('ai-train'),
      'cawg.ai_inference': entry('ai-input'),
      'cawg.data_mining': entry('ai-index'),
    },
  };
}

/**
 * W3C TDMRep's reservation (the EU DSM Art. 4 opt-out) for any post not free for every AI use, with
 * `tdm-policy` the URL of the ODRL Offer that says how to license it; null when nothing is reserved.
 * @example toTdmRep(defaultTerms(usdc), policyUrl) // { 'tdm-reservation': 1, 'tdm-policy': policyUrl }
 */
export function toTdmRep(terms: Terms, policyUrl: string): TdmRep | null {
  const freeForAi = AI_USAGES.every((use) => allowed(terms, use)) && unconditional(terms);
  return freeForAi ? null : { 'tdm-reservation': 1, 'tdm-policy': policyUrl };
}
