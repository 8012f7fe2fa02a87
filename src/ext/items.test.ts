import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PostRecord } from '../core/post';

/** storage.local in memory, counting writes; values are copied as storage does. */
const fake = vi.hoisted(() => {
  const data = new Map<string, unknown>();
  const writes: Record<string, unknown>[] = [];
  const copy = <T>(x: T): T => (x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T));
  const local = {
    async get(keys: string | string[] | null) {
      const out: Record<string, unknown> = {};
      const want = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      for (const k of want) if (data.has(k)) out[k] = copy(data.get(k));
      return out;
    },
    async set(items: Record<string, unknown>) {
      writes.push(items);
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
    },
  };
  return { data, writes, browser: { storage: { local, onChanged: { addListener() {}, removeListener() {} } } } };
});
vi.mock('./browser', () => ({ browser: fake.browser }));

const { getFirstScreen, postIndexHeadItem, postIndexItem, repairPostIndex, setPostRecords } = await import('./items');
const { HEAD_SIZE, parsePostIndex } = await import('./post-index');

const rec = (i: number, state: 'in' | 'out' = 'in'): PostRecord => {
  const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  return {
    post: { platform: 'x', postId: String(i), url: `https://x.com/a/status/${i}`, author: 'a', createdAt: at, text: `post ${i}`, media: [], contentHash: '0x00', capturedAt: at },
    consent: { state, history: [{ state: 'in', at, via: 'page' }] },
  };
};
const ids = (recs: PostRecord[] | undefined) => recs?.map((r) => Number(r.post.postId));

beforeEach(() => {
  fake.data.clear();
  fake.writes.length = 0;
});

describe('post index head', () => {
  it('is written in the same storage write as the posts and the index', async () => {
    await setPostRecords([rec(1), rec(2, 'out'), rec(3)]);
    expect(fake.writes).toHaveLength(1);
    expect(Object.keys(fake.writes[0]!).sort()).toEqual(['post-index', 'post-index-head', 'post:x:1', 'post:x:2', 'post:x:3']);
    const head = await postIndexHeadItem.get();
    expect({ ...head, records: ids(head?.records) }).toEqual({ total: 3, licensed: 2, records: [3, 1] });
  });

  it('keeps the newest licensed posts as posts change, reading from storage the ones not written now', async () => {
    await setPostRecords(Array.from({ length: HEAD_SIZE + 20 }, (_, i) => rec(i)));
    const newest = Array.from({ length: HEAD_SIZE + 20 }, (_, i) => HEAD_SIZE + 19 - i);
    expect(ids((await postIndexHeadItem.get())?.records)).toEqual(newest.slice(0, HEAD_SIZE));
    // Opting out of the newest post brings the next one into the head; its record comes from storage.
    await setPostRecords([rec(HEAD_SIZE + 19, 'out')]);
    let head = await postIndexHeadItem.get();
    expect(head?.licensed).toBe(HEAD_SIZE + 19);
    expect(ids(head?.records)).toEqual(newest.slice(1, HEAD_SIZE + 1));
    // A changed post in the head is stored there as changed.
    const changed = { ...rec(HEAD_SIZE), offer: { state: 'waiting' as const, reason: 'Unlock your wallet', since: '2025-01-01T00:00:00.000Z' } };
    await setPostRecords([changed]);
    head = await postIndexHeadItem.get();
    expect(head?.records.find((r) => r.post.postId === String(HEAD_SIZE))?.offer?.state).toBe('waiting');
    expect(fake.writes.every((w) => 'post-index-head' in w && 'post-index' in w)).toBe(true);
  });

  it('the popup reads settings and the head in one small read', async () => {
    expect(await getFirstScreen()).toMatchObject({ head: null, settings: { sites: { x: { enabled: true } } } });
    await setPostRecords([rec(1)]);
    expect(ids((await getFirstScreen()).head?.records)).toEqual([1]);
  });

  it('repair writes a missing head (storage from before it existed) with the index, once', async () => {
    for (const r of [rec(1), rec(2, 'out'), rec(3)]) fake.data.set(`post:x:${r.post.postId}`, { v: 1, data: r });
    fake.data.set('post-index', { v: 1, data: 'post:x:1\tabc\ti\npost:x:2\tabd\to\npost:x:3\tabe\ti' });
    expect(await repairPostIndex()).toBe(3);
    expect(fake.writes).toHaveLength(1);
    expect(Object.keys(fake.writes[0]!).sort()).toEqual(['post-index', 'post-index-head']);
    const head = await postIndexHeadItem.get();
    expect({ ...head, records: ids(head?.records) }).toEqual({ total: 3, licensed: 2, records: [3, 1] });
    expect(await repairPostIndex()).toBe(0);
    expect(fake.writes).toHaveLength(1);
  });

  it('repair rebuilds an index and head out of step with the posts, and writes nothing on a fresh install', async () => {
    expect(await repairPostIndex()).toBe(0);
    expect(fake.writes).toHaveLength(0);
    await setPostRecords([rec(1), rec(2)]);
    fake.data.set('post:x:2', { v: 1, data: rec(2, 'out') }); // changed behind the index's back
    expect(await repairPostIndex()).toBe(2);
    expect(parsePostIndex(await postIndexItem.get()).get('post:x:2')?.state).toBe('out');
    expect(ids((await postIndexHeadItem.get())?.records)).toEqual([1]);
  });
});
