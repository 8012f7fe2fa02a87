import { applyConsent, type ConsentState, type ConsentVia } from '../core/consent';
import { contentHash } from '../core/content-hash';
import type { Platform } from '../core/platform';
import type { CapturedPost, PostReport, PostRecord } from '../core/post';
import { getPostRecords, postKey } from '../ext/items';
import { outboxItem } from '../ext/publish-items';
import { onConsentChange, reoffer, saveOutbox } from './outbox';
import { scheduleFlush } from './publisher';
import { withPosts } from './serialized';

/**
 * Opt a post in or out from its page. Opting in captures (or refreshes) the post; opting out of a post
 * never captured stores nothing.
 */
export function setConsentFromPage(report: PostReport, optIn: boolean, now = new Date()): Promise<ConsentState> {
  const key = postKey(report.platform, report.postId);
  return withPosts(async () => {
    const existing = (await getPostRecords([key])).get(key);
    if (!optIn) {
      if (!existing) return 'out';
      return save(existing, existing.post, 'out', 'page', now);
    }
    const post = await capture(report, existing?.post, now);
    return save(existing, post, 'in', 'page', now);
  });
}

/** Opt a captured post in or out from the popup. */
export function setConsentFromPopup(platform: Platform, postId: string, optIn: boolean, now = new Date()): Promise<ConsentState> {
  const key = postKey(platform, postId);
  return withPosts(async () => {
    const existing = (await getPostRecords([key])).get(key);
    if (!existing) throw new Error('This post is not in Consentry: open it on its site to license it.');
    return save(existing, existing.post, optIn ? 'in' : 'out', 'popup', now);
  });
}

async function save(
  existing: PostRecord | undefined,
  post: CapturedPost,
  state: ConsentState,
  via: ConsentVia,
  now: Date,
): Promise<ConsentState> {
  const consent = applyConsent(existing?.consent, state, now, via);
  const consentChanged = !existing || consent !== existing.consent;
  const postChanged = existing !== undefined && post !== existing.post;
  if (!consentChanged && !postChanged) return state;
  const key = postKey(post.platform, post.postId);
  const rec: PostRecord = { ...existing, post, consent };
  // The offer follows the consent: opting in queues an offer, opting out a withdrawal; a post whose text
  // changed (the full text of a truncated post) is offered again under its new content hash.
  const outbox = await outboxItem.get();
  const offer = consentChanged ? onConsentChange(outbox, key, rec, state, now) : state === 'in' ? reoffer(outbox, key, rec, now) : rec.offer;
  if (offer) rec.offer = offer;
  else delete rec.offer;
  await saveOutbox(outbox, [rec]);
  scheduleFlush();
  return state;
}

/**
 * The captured post for a report. A later report replaces the text only when it is more complete: a full text
 * seen on the post's own page replaces a truncated one, never the other way round.
 */
async function capture(report: PostReport, previous: CapturedPost | undefined, now: Date): Promise<CapturedPost> {
  if (previous) {
    const downgrade = report.truncated && !previous.truncated;
    const same =
      previous.text === report.text && !!previous.truncated === !!report.truncated && sameList(previous.media, report.media);
    if (downgrade || same) return previous;
  }
  const { truncated, ...rest } = report;
  return {
    ...rest,
    ...(truncated ? { truncated: true } : {}),
    createdAt: report.createdAt ?? previous?.createdAt ?? null,
    contentHash: await contentHash(report.text, report.media),
    capturedAt: previous?.capturedAt ?? now.toISOString(),
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
