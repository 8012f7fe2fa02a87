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

/** Entries newest first; ties by key, so the order is stable. */
export function sortedEntries(index: Map<string, IndexEntry>): IndexEntry[] {
  return [...index.values()].sort((a, b) => b.time - a.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
