import type { EarningsStore } from '../../ext/earnings-items';
import { getAllPostRecords, postKey } from '../../ext/items';

/**
 * Map sales to the user's posts by offer id, once per offer: reading every post is not cheap. `offerIds`
 * limits it to those offers (a range's new sales); without it every unlinked sale is looked for.
 */
export async function linkPosts(s: EarningsStore, offerIds?: readonly string[]): Promise<EarningsStore> {
  const ids = offerIds ?? Object.values(s.ledger.sales).map((x) => x.offerId);
  const missing = new Set(ids.map((id) => id.toLowerCase()).filter((id) => !s.postKeys[id]));
  if (missing.size === 0) return s;
  const found: Record<string, string> = {};
  for (const rec of await getAllPostRecords()) {
    const offer = rec.offer;
    const id = offer && 'offerId' in offer ? offer.offerId.toLowerCase() : null;
    if (id && missing.has(id)) found[id] = postKey(rec.post.platform, rec.post.postId);
  }
  // Unchanged when nothing was found, so the caller can tell there is nothing to write.
  return Object.keys(found).length ? { ...s, postKeys: { ...s.postKeys, ...found } } : s;
}
