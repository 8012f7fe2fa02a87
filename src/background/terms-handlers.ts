import { isPlatform } from '../core/platform';
import { isValidPostId } from '../core/permalink';
import type { PostRecord } from '../core/post';
import { termsToJson } from '../core/terms/terms-json';
import { getAllPostRecords, getPostRecords, postKey } from '../ext/items';
import { networkItem, outboxItem } from '../ext/publish-items';
import type { Handlers } from '../ext/serve';
import { reoffer, saveOutbox } from './outbox';
import { scheduleFlush } from './publisher';
import { withPosts } from './serialized';
import { allSiteTermsJson, checkTerms, saveSiteTerms } from './terms-store';

type TermsHandlers = Pick<Handlers, 'terms.get' | 'terms.setSite' | 'terms.setPost'>;

/** Withdraw and offer again every published post the change applies to, in one storage write. */
async function reofferAll(recs: PostRecord[]): Promise<void> {
  const outbox = await outboxItem.get();
  const now = new Date();
  const changed = recs.filter((r) => r.consent.state === 'in' && r.offer !== undefined);
  for (const rec of changed) {
    const offer = reoffer(outbox, postKey(rec.post.platform, rec.post.postId), rec, now);
    if (offer) rec.offer = offer;
  }
  await saveOutbox(outbox, changed);
  if (changed.length) scheduleFlush();
}

export const termsHandlers: TermsHandlers = {
  async 'terms.get'() {
    return allSiteTermsJson();
  },

  async 'terms.setSite'(payload) {
    const { platform, terms } = payload ?? {};
    if (!isPlatform(platform)) throw new Error('platform: unknown platform');
    return withPosts(async () => {
      const saved = await saveSiteTerms(platform, terms);
      const onSiteTerms = (await getAllPostRecords()).filter((r) => r.post.platform === platform && !r.terms);
      await reofferAll(onSiteTerms);
      return saved;
    });
  },

  async 'terms.setPost'(payload) {
    const { platform, postId, terms } = payload ?? {};
    if (!isPlatform(platform)) throw new Error('platform: unknown platform');
    if (typeof postId !== 'string' || !isValidPostId(platform, postId)) throw new Error('postId: not a post id');
    const own = terms === null ? undefined : termsToJson(checkTerms(terms, await networkItem.get()));
    return withPosts(async () => {
      const key = postKey(platform, postId);
      const rec = (await getPostRecords([key])).get(key);
      if (!rec) throw new Error('This post is not in Consentry: open it on its site first.');
      if (own) rec.terms = own;
      else delete rec.terms;
      if (rec.consent.state === 'in' && rec.offer) await reofferAll([rec]);
      else await saveOutbox(await outboxItem.get(), [rec]);
      return { ok: true as const };
    });
  },
};
