import type { Hex } from 'viem';
import type { Terms } from '../core/terms/terms';
import type { Db } from './db/db';
import { loadTerms } from './queries/terms';
import { termsView, type TermsView } from './terms-json';

/** Stored terms, validated and explained, with their view. */
export interface KnownTerms {
  terms: Terms;
  view: TermsView;
}

/** A Map that forgets its least recently used entry past `size`. */
function lru<K, V>(size: number) {
  const map = new Map<K, V>();
  return {
    get(key: K): V | undefined {
      const v = map.get(key);
      if (v !== undefined) {
        map.delete(key);
        map.set(key, v);
      }
      return v;
    },
    set(key: K, v: V) {
      map.delete(key);
      map.set(key, v);
      if (map.size > size) map.delete(map.keys().next().value as K);
    },
  };
}

/**
 * Terms by hash, cached: a hash names one content for ever, so a cached entry is never stale.
 * @example const known = await termsCache.get([row.terms_hash])
 */
export function createTermsCache(db: Db, size = 4096) {
  const cache = lru<Hex, KnownTerms>(size);
  return {
    async get(hashes: readonly Hex[]): Promise<Map<Hex, KnownTerms>> {
      const out = new Map<Hex, KnownTerms>();
      const missing = new Set<Hex>();
      for (const h of hashes) {
        const hit = cache.get(h);
        if (hit) out.set(h, hit);
        else missing.add(h);
      }
      for (const [h, terms] of await loadTerms(db, [...missing])) {
        const known = { terms, view: termsView(h, terms) };
        cache.set(h, known);
        out.set(h, known);
      }
      return out;
    },
  };
}

export type TermsCache = ReturnType<typeof createTermsCache>;
