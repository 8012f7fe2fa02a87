import { describe, expect, it } from 'vitest';
import { continueSentence, offerLine, outboxSummary } from './offer-line';

const at = '2026-01-01T00:00:00.000Z';

describe('a post’s offer, in one line', () => {
  it('says nothing for a post never offered', () => {
    expect(offerLine(undefined, 'http://127.0.0.1:8787')).toBeNull();
  });

  it('says what a waiting offer waits for', () => {
    expect(offerLine({ state: 'waiting', reason: 'Unlock your wallet to publish', since: at }, null)).toEqual({
      text: 'Waiting: unlock your wallet to publish',
      tone: 'info',
    });
  });

  it('links a published offer to the registry, when the registry is known', () => {
    const offer = { state: 'published', offerId: '0xabc', batchId: '0xdef', at } as const;
    expect(offerLine(offer, 'http://127.0.0.1:8787/')).toEqual({ text: 'Published', tone: 'ok', href: 'http://127.0.0.1:8787/v1/offers/0xabc' });
    expect(offerLine(offer, null)).toEqual({ text: 'Published', tone: 'ok' });
  });

  it('shows a refusal in the error tone, with its reason', () => {
    expect(offerLine({ state: 'error', reason: 'Registry refused the batch: bad signature', at }, null)).toEqual({
      text: 'Not published: registry refused the batch: bad signature',
      tone: 'error',
    });
  });

  it('keeps capitals that are not just a sentence start', () => {
    expect(continueSentence('RPC unreachable')).toBe('RPC unreachable');
    expect(continueSentence('X is down')).toBe('X is down');
    expect(continueSentence('Registry unreachable')).toBe('registry unreachable');
  });

  it('never says "Withdrawn" (the consent chip does)', () => {
    const withdrawing = offerLine({ state: 'withdrawing', offerId: '0x1', reason: 'Registry unreachable', since: at }, null);
    const withdrawn = offerLine({ state: 'withdrawn', offerId: '0x1', at }, null);
    for (const line of [withdrawing, withdrawn]) expect(line?.text.toLowerCase()).not.toContain('withdrawn');
  });
});

describe('the outbox banner text', () => {
  it('counts what waits and says why', () => {
    expect(outboxSummary({ pending: 3, reason: 'Unlock your wallet to publish', nextAttemptAt: null })).toBe('3 waiting to publish — Unlock your wallet to publish');
    expect(outboxSummary({ pending: 1, reason: null, nextAttemptAt: null })).toBe('1 waiting to publish');
  });
});
