import { describe, expect, it } from 'vitest';
import type { PostRecord } from '../core/post';
import { indexEntry, sortedEntries } from '../ext/post-index';
import { matchingKeys } from './post-list';

const rec = (id: string, createdAt: string | null, state: 'in' | 'out', text = 'hello'): PostRecord => ({
  post: { platform: 'x', postId: id, url: `https://x.com/a/status/${id}`, author: 'a', createdAt, text, media: [], contentHash: '0x00', capturedAt: '2026-01-01T00:00:00.000Z' },
  consent: { state, history: [] },
});

describe('matchingKeys (popup list)', () => {
  const recs = [rec('1', '2025-01-01T00:00:00Z', 'in', 'Cats are great'), rec('2', '2025-02-01T00:00:00Z', 'out', 'Dogs too'), rec('3', '2025-03-01T00:00:00Z', 'in', 'GREAT dogs')];
  const index = sortedEntries(new Map(recs.map((r) => [`post:x:${r.post.postId}`, indexEntry(`post:x:${r.post.postId}`, r)])));
  const records = new Map(recs.map((r) => [`post:x:${r.post.postId}`, r]));

  it('shows licensed posts by default and withdrawn ones on request', () => {
    expect(matchingKeys(index, records, true, '', 'in')).toEqual(['post:x:3', 'post:x:1']);
    expect(matchingKeys(index, records, true, '', 'all')).toEqual(['post:x:3', 'post:x:2', 'post:x:1']);
  });

  it('search matches every word, case-insensitively, and waits until all posts are read', () => {
    expect(matchingKeys(index, records, true, 'great', 'in')).toEqual(['post:x:3', 'post:x:1']);
    expect(matchingKeys(index, records, true, 'dogs great', 'all')).toEqual(['post:x:3']);
    expect(matchingKeys(index, records, false, 'dogs', 'all')).toBeNull();
  });
});
