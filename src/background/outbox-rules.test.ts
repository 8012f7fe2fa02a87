import { describe, expect, it } from 'vitest';
import type { PostRecord } from '../core/post';
import type { Outbox } from '../ext/publish-items';
import { onConsentChange, outboxStatus, reoffer } from './outbox-rules';

const now = new Date('2026-11-26T12:00:00Z');
const empty = (): Outbox => ({ queue: [], inflight: null, attempts: 0, nextAttemptAt: null, reason: null });
const rec = (offer?: PostRecord['offer'], state: 'in' | 'out' = 'in'): PostRecord => ({
  post: { platform: 'x', postId: '1', url: 'https://x.com/a/status/1', author: 'a', createdAt: null, text: 't', media: [], contentHash: '0x00', capturedAt: now.toISOString() },
  consent: { state, history: [] },
  ...(offer ? { offer } : {}),
});
const published = { state: 'published' as const, offerId: '0xaa', batchId: '0xbb', at: now.toISOString() };

describe('outbox rules', () => {
  it('opting in queues one offer and says the post is waiting', () => {
    const ob = empty();
    expect(onConsentChange(ob, 'k', rec(), 'in', now)).toMatchObject({ state: 'waiting' });
    expect(onConsentChange(ob, 'k', rec(), 'in', now)).toMatchObject({ state: 'waiting' });
    expect(ob.queue).toEqual([{ key: 'k', action: 'offer' }]);
  });

  it('opting out before publishing leaves nothing to withdraw', () => {
    const ob = empty();
    onConsentChange(ob, 'k', rec(), 'in', now);
    expect(onConsentChange(ob, 'k', rec({ state: 'waiting', reason: '', since: '' }), 'out', now)).toBeUndefined();
    expect(ob.queue).toEqual([]);
  });

  it('opting out of a published offer queues its withdrawal', () => {
    const ob = empty();
    expect(onConsentChange(ob, 'k', rec(published), 'out', now)).toMatchObject({ state: 'withdrawing', offerId: '0xaa' });
    expect(ob.queue).toEqual([{ key: 'k', action: 'revoke', offerId: '0xaa' }]);
  });

  it('an offer already on its way is not queued twice', () => {
    const ob = empty();
    ob.inflight = { kind: 'batch', id: '0x1', body: '{}', items: [{ key: 'k', action: 'offer' }], offerIds: {} };
    onConsentChange(ob, 'k', rec(), 'in', now);
    expect(ob.queue).toEqual([]);
    expect(outboxStatus(ob).pending).toBe(1);
  });

  it('changed terms withdraw the published offer and offer again', () => {
    const ob = empty();
    expect(reoffer(ob, 'k', rec(published), now)).toMatchObject({ state: 'waiting' });
    expect(ob.queue).toEqual([
      { key: 'k', action: 'revoke', offerId: '0xaa' },
      { key: 'k', action: 'offer' },
    ]);
    expect(reoffer(empty(), 'k', rec(published, 'out'), now)).toEqual(published);
  });
});
