import type { ConsentState } from '../core/consent';
import type { PostRecord } from '../core/post';

/**
 * A compact index of every stored post, kept in one storage value beside the posts so the popup can show its
 * first page without reading them all (reading 10,000 posts from storage.local takes over half a second).
 * Format: one line per post, `key \t time (ms, base 36) \t i|o`. A string, because one string is far cheaper
 * for storage to read and write than the same data as thousands of small objects.
 */
export interface IndexEntry {
  key: string;
  /** Post time, else capture time (ms since epoch): the list is newest first. */
  time: number;
  state: ConsentState;
}

export function indexEntry(key: string, rec: PostRecord): IndexEntry {
  const time = Date.parse(rec.post.createdAt ?? rec.post.capturedAt);
  return { key, time: Number.isNaN(time) ? 0 : time, state: rec.consent.state };
}

export function parsePostIndex(text: string): Map<string, IndexEntry> {
  const out = new Map<string, IndexEntry>();
  for (const line of text.split('\n')) {
    const [key, time, state] = line.split('\t');
    if (!key || time === undefined || (state !== 'i' && state !== 'o')) continue;
    out.set(key, { key, time: parseInt(time, 36) || 0, state: state === 'i' ? 'in' : 'out' });
  }
  return out;
}

export function serializePostIndex(entries: Iterable<IndexEntry>): string {
  const lines: string[] = [];
  for (const e of entries) lines.push(`${e.key}\t${e.time.toString(36)}\t${e.state === 'in' ? 'i' : 'o'}`);
  return lines.join('\n');
}

/** The list's order: newest first; ties by key, so the order is stable. */
export function newerFirst(a: IndexEntry, b: IndexEntry): number {
  return b.time - a.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Entries newest first. */
export function sortedEntries(index: Map<string, IndexEntry>): IndexEntry[] {
  return [...index.values()].sort(newerFirst);
}

/** The first `n` entries in `sortedEntries` order that are in `state`, without sorting them all. */
export function newestEntries(entries: Iterable<IndexEntry>, n: number, state: ConsentState): IndexEntry[] {
  const top: IndexEntry[] = [];
  if (n <= 0) return top;
  for (const e of entries) {
    if (e.state !== state) continue;
    if (top.length === n && newerFirst(e, top[n - 1]!) >= 0) continue;
    let i = Math.min(top.length, n - 1);
    while (i > 0 && newerFirst(e, top[i - 1]!) < 0) i--;
    top.splice(i, 0, e);
    if (top.length > n) top.pop();
  }
  return top;
}

/** How many of the newest licensed posts the index head holds whole: the popup's first page. */
export const HEAD_SIZE = 50;

/**
 * The index head: a small value written in the same storage write as the index and the posts, so the popup
 * can show its first screen from one small read instead of the whole index plus a page of posts.
 */
export interface PostIndexHead {
  /** Posts in the index. */
  total: number;
  /** Of which licensed ('in'). */
  licensed: number;
  /** The newest HEAD_SIZE licensed posts (fewer if there are fewer), newest first, whole. */
  records: PostRecord[];
}

/** The head for `index`; `records` holds (at least) the posts of its newest HEAD_SIZE licensed entries. */
export function indexHead(index: Map<string, IndexEntry>, records: Map<string, PostRecord>): PostIndexHead {
  let licensed = 0;
  for (const e of index.values()) if (e.state === 'in') licensed++;
  const out: PostRecord[] = [];
  for (const e of newestEntries(index.values(), HEAD_SIZE, 'in')) {
    const rec = records.get(e.key);
    if (rec) out.push(rec); // always there when index and posts are written together; never fail a write for it

  }
  return { total: index.size, licensed, records: out };
}
