import type { ConsentState } from '../core/consent';
import type { OfferStatus } from '../core/offer-status';
import type { PostRecord } from '../core/post';
import type { OutboxStatus } from '../ext/protocol';
import type { Outbox } from '../ext/publish-items';

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

