import { describe, expect, it } from 'vitest';
import type { PostRecord } from '../core/post';
import { HEAD_SIZE, indexEntry, indexHead, newestEntries, parsePostIndex, serializePostIndex, sortedEntries } from './post-index';

const rec = (id: string, createdAt: string | null, state: 'in' | 'out', text = 'hello'): PostRecord => ({
  post: { platform: 'x', postId: id, url: `https://x.com/a/status/${id}`, author: 'a', createdAt, text, media: [], contentHash: '0x00', capturedAt: '2026-01-01T00:00:00.000Z' },
  consent: { state, history: [] },
});

describe('post index', () => {
  it('round-trips and lists newest first, falling back to capture time', () => {
    const recs = [rec('1', '2025-01-01T00:00:00Z', 'in'), rec('2', null, 'out'), rec('3', '2026-06-01T00:00:00Z', 'in')];
    const text = serializePostIndex(recs.map((r) => indexEntry(`post:x:${r.post.postId}`, r)));
    const index = sortedEntries(parsePostIndex(text));
    expect(index.map((e) => [e.key, e.state])).toEqual([
      ['post:x:3', 'in'],
      ['post:x:2', 'out'],
      ['post:x:1', 'in'],
    ]);
  });

  it('skips damaged lines instead of failing the whole list', () => {
    expect([...parsePostIndex('post:x:1\tz\ti\ngarbage\npost:x:2\t1\tq\n\n').keys()]).toEqual(['post:x:1']);
  });

  it('newestEntries picks the first n of one state in list order, ties by key', () => {
    const index = new Map(
      Array.from({ length: 300 }, (_, i) => {
        const key = `post:x:${(i * 7919) % 300}`;
        // many equal times, so ties matter
        return [key, { key, time: Math.floor(((i * 104729) % 300) / 3), state: i % 4 ? ('in' as const) : ('out' as const) }];
      }),
    );
    for (const n of [0, 1, 5, 50, 299]) {
      for (const state of ['in', 'out'] as const) {
        expect(newestEntries(index.values(), n, state)).toEqual(sortedEntries(index).filter((e) => e.state === state).slice(0, n));
      }
    }
  });

  it('the head counts the posts and holds the newest licensed ones whole', () => {
    const recs = Array.from({ length: HEAD_SIZE * 2 + 5 }, (_, i) => rec(String(i), new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(), i % 3 ? 'in' : 'out'));
    const records = new Map(recs.map((r) => [`post:x:${r.post.postId}`, r]));
    const index = new Map([...records].map(([k, r]) => [k, indexEntry(k, r)]));
    const head = indexHead(index, records);
    const licensed = recs.filter((r) => r.consent.state === 'in');
    expect(head.total).toBe(recs.length);
    expect(head.licensed).toBe(licensed.length);
    expect(head.records).toEqual(licensed.reverse().slice(0, HEAD_SIZE));
  });
});
