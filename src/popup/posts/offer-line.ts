import type { OfferStatus } from '../../core/offer-status';
import type { OutboxStatus } from '../../ext/protocol';

export type OfferTone = 'info' | 'ok' | 'error';

export interface OfferLine {
  text: string;
  tone: OfferTone;
  /** The registry's page for the offer, when it is published and the registry is known. */
  href?: string;
}

/**
 * "Unlock your wallet" → "unlock your wallet", for use after "Waiting: ". A word that is capitalised
 * throughout or in its second letter ("RPC", "X") keeps its capitals.
 */
export function continueSentence(reason: string): string {
  const t = reason.trim();
  return /^\p{Lu}\p{Ll}/u.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

/** Where an offer can be seen in the registry. */
export function offerUrl(registryUrl: string, offerId: string): string {
  return `${registryUrl.replace(/\/+$/, '')}/v1/offers/${encodeURIComponent(offerId)}`;
}

/**
 * One line about a post's offer, for the posts list; null when there is nothing to say (never offered).
 * Words avoid "Withdrawn", which the consent chip already uses for an opted-out post.
 */
export function offerLine(offer: OfferStatus | undefined, registryUrl: string | null): OfferLine | null {
  if (!offer) return null;
  switch (offer.state) {
    case 'waiting':
      return { text: `Waiting: ${continueSentence(offer.reason)}`, tone: 'info' };
    case 'published':
      return { text: 'Published', tone: 'ok', ...(registryUrl ? { href: offerUrl(registryUrl, offer.offerId) } : {}) };
    case 'withdrawing':
      return { text: `Withdrawing the offer: ${continueSentence(offer.reason)}`, tone: 'info' };
    case 'withdrawn':
      return { text: 'No longer offered to buyers', tone: 'info' };
    case 'error':
      return { text: `Not published: ${continueSentence(offer.reason)}`, tone: 'error' };
  }
}

/** "N waiting to publish — reason" (no dash when there is no reason). */
export function outboxSummary(status: OutboxStatus): string {
  const head = `${status.pending} waiting to publish`;
  return status.reason ? `${head} — ${status.reason}` : head;
}
