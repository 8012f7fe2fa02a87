import type { ConsentState } from '../core/consent';
import type { OfferStatus } from '../core/offer-status';
import type { PostRecord } from '../core/post';
import { getPostRecords, setPostRecords } from '../ext/items';
import type { OutboxStatus } from '../ext/protocol';
import { outboxItem, type Outbox, type OutboxItem } from '../ext/publish-items';
import { wrap } from '../ext/storage-item';

/**
 * The publishing queue's bookkeeping: what a consent change puts in the queue and what the post's offer status
 * becomes. Pure over (outbox, record); the caller holds the post lock and writes both in one storage write.
 */
export function onConsentChange(outbox: Outbox, key: string, rec: PostRecord, state: ConsentState, now: Date): OfferStatus | undefined {
  const at = now.toISOString();
  const offer = rec.offer;
  const inflightHasOffer = outbox.inflight?.kind === 'batch' && outbox.inflight.items.some((i) => i.key === key);
  if (state === 'in') {
    outbox.queue = outbox.queue.filter((i) => !(i.key === key && i.action === 'offer'));
    if (offer?.state === 'published' || inflightHasOffer) return offer; // already offered (or on its way)
    outbox.queue.push({ key, action: 'offer' });
    return { state: 'waiting', reason: outbox.reason ?? 'Publishing shortly.', since: at };
  }
  const queued = outbox.queue.some((i) => i.key === key && i.action === 'offer');
  outbox.queue = outbox.queue.filter((i) => !(i.key === key && i.action === 'offer'));
  if (offer?.state === 'published') {
    outbox.queue.push({ key, action: 'revoke', offerId: offer.offerId });
    return { state: 'withdrawing', offerId: offer.offerId, reason: outbox.reason ?? 'Withdrawing shortly.', since: at };
  }
  if (queued || offer?.state === 'waiting' || offer?.state === 'error') return undefined; // never published: nothing to withdraw
  return offer;
}

/** Queue a withdrawal and a new offer for a published post (its terms changed). */
export function reoffer(outbox: Outbox, key: string, rec: PostRecord, now: Date): OfferStatus | undefined {
  if (rec.consent.state !== 'in') return rec.offer;
  if (rec.offer?.state === 'published') outbox.queue.push({ key, action: 'revoke', offerId: rec.offer.offerId });
  outbox.queue = outbox.queue.filter((i) => !(i.key === key && i.action === 'offer'));
  outbox.queue.push({ key, action: 'offer' });
  return { state: 'waiting', reason: 'Offering again on the new terms.', since: now.toISOString() };
}

export function outboxStatus(outbox: Outbox): OutboxStatus {
  return {
    pending: outbox.queue.length + (outbox.inflight?.items.length ?? 0),
    reason: outbox.reason,
    nextAttemptAt: outbox.nextAttemptAt ? new Date(outbox.nextAttemptAt).toISOString() : null,
  };
}

/** Write the outbox and the changed posts together. */
export async function saveOutbox(outbox: Outbox, recs: PostRecord[] = []): Promise<void> {
  await setPostRecords(recs, { [outboxItem.spec.key]: wrap(outboxItem.spec, outbox) });
}

/** Set every waiting post's reason to the outbox's (so the popup says why it waits). */
export async function explainWaiting(outbox: Outbox, items: OutboxItem[]): Promise<PostRecord[]> {
  const recs = await getPostRecords([...new Set(items.map((i) => i.key))]);
  const changed: PostRecord[] = [];
  const reason = outbox.reason ?? 'Publishing shortly.';
  for (const rec of recs.values()) {
    const o = rec.offer;
    if ((o?.state === 'waiting' || o?.state === 'withdrawing') && o.reason !== reason) {
      rec.offer = { ...o, reason };
      changed.push(rec);
    }
  }
  return changed;
}
