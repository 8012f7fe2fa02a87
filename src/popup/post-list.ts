import { optedInAt } from '../core/consent';
import type { PostRecord } from '../core/post';
import type { PostFilter } from './store';

export interface PostRow {
  key: string;
  rec: PostRecord;
  /** Lower-cased text, author and site for search. */
  haystack: string;
  /** Newest first by post time, then capture time. */
  sortTime: number;
}

export function toRows(posts: Map<string, PostRecord>): PostRow[] {
  const rows: PostRow[] = [];
  for (const [key, rec] of posts) {
    const p = rec.post;
    rows.push({
      key,
      rec,
      haystack: `${p.text}\n@${p.author}\n${p.platform}`.toLowerCase(),
      sortTime: Date.parse(p.createdAt ?? optedInAt(rec.consent) ?? p.capturedAt) || 0,
    });
  }
  return rows.sort((a, b) => b.sortTime - a.sortTime || (a.key < b.key ? -1 : 1));
}

/** Rows matching the filter and every word of the query. */
export function filterRows(rows: PostRow[], query: string, filter: PostFilter): PostRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(
    (r) => (filter === 'all' || r.rec.consent.state === 'in') && words.every((w) => r.haystack.includes(w)),
  );
}

const EXCERPT = 180;

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT) return flat;
  return `${[...flat.slice(0, EXCERPT + 1)].slice(0, -1).join('').trimEnd()}…`;
}
