import type { EarningsStore } from '../../ext/earnings-items';
import { getAllPostRecords, postKey } from '../../ext/items';

/** Map sales to the user's posts by offer id, once per offer: reading every post is not cheap. */
export async function linkPosts(s: EarningsStore): Promise<EarningsStore> {
  const missing = new Set(Object.values(s.ledger.sales).map((x) => x.offerId.toLowerCase()).filter((id) => !s.postKeys[id]));
  if (missing.size === 0) return s;
  const postKeys = { ...s.postKeys };
  for (const rec of await getAllPostRecords()) {
    const offer = rec.offer;
    const id = offer && 'offerId' in offer ? offer.offerId.toLowerCase() : null;
    if (id && missing.has(id)) postKeys[id] = postKey(rec.post.platform, rec.post.postId);
  }
  return { ...s, postKeys };
}
