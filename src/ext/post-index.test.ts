import { describe, expect, it } from 'vitest';
import type { PostRecord } from '../core/post';
import { indexEntry, parsePostIndex, serializePostIndex, sortedEntries } from './post-index';

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
});

