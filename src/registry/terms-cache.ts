import type { Hex } from 'viem';
import { buildTree, type MerkleTree } from '../core/offer/merkle';
import type { Terms } from '../core/terms/terms';
import type { Db } from './db/db';
import { batchOfferIds } from './queries/offers';
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
    delete: (key: K) => map.delete(key),
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

/**
 * Merkle proofs, from a batch's tree rebuilt from its stored offer ids. A stored batch never changes, so its
 * tree is cached; keeping trees rather than a proof per offer costs 32 bytes per offer instead of ~450.
 */
export function createTreeCache(db: Db, size = 16) {
  const cache = lru<Hex, Promise<MerkleTree>>(size);
  return {
    async proof(batchId: Hex, offerId: Hex): Promise<Hex[]> {
      let tree = cache.get(batchId);
      if (!tree) {
        // The promise is cached, so concurrent requests for one batch build its tree once.
        tree = batchOfferIds(db, batchId).then(buildTree);
        cache.set(batchId, tree);
        tree.catch(() => cache.delete(batchId));
      }
      return (await tree).proof(offerId);
    },
  };
}

export type TermsCache = ReturnType<typeof createTermsCache>;
export type TreeCache = ReturnType<typeof createTreeCache>;
