import { describe, expect, it } from 'vitest';
import { MAX_CONSENT_HISTORY, applyConsent, optedInAt } from './consent';

const t = (n: number) => new Date(Date.UTC(2026, 10, 26, 10, n));

describe('applyConsent', () => {
  it('opting in a new post records when and where', () => {
    const r = applyConsent(undefined, 'in', t(1), 'page');
    expect(r).toEqual({ state: 'in', history: [{ state: 'in', at: t(1).toISOString(), via: 'page' }] });
    expect(optedInAt(r)).toBe(t(1).toISOString());
  });

  it('opting out keeps when the user opted in and adds when they opted out', () => {
    const r = applyConsent(applyConsent(undefined, 'in', t(1), 'page'), 'out', t(2), 'popup');
    expect(r.state).toBe('out');
    expect(r.history.map((e) => [e.state, e.via])).toEqual([
      ['in', 'page'],
      ['out', 'popup'],
    ]);
    expect(optedInAt(r)).toBe(t(1).toISOString());
  });

  it('asking for the current state changes nothing (double click, replayed message)', () => {
    const r = applyConsent(undefined, 'in', t(1), 'page');
    expect(applyConsent(r, 'in', t(5), 'page')).toBe(r);
  });

  it('opting out of a post never opted in records no consent event', () => {
    expect(applyConsent(undefined, 'out', t(1), 'page')).toEqual({ state: 'out', history: [] });
  });

  it('keeps the latest events when toggled very often', () => {
    let r = applyConsent(undefined, 'in', t(0), 'page');
    for (let i = 1; i <= 300; i++) r = applyConsent(r, i % 2 ? 'out' : 'in', new Date(t(0).getTime() + i * 1000), 'page');
    expect(r.history).toHaveLength(MAX_CONSENT_HISTORY);
    expect(r.history.at(-1)!.at).toBe(new Date(t(0).getTime() + 300_000).toISOString());
    expect(r.state).toBe('in');
  });
});
