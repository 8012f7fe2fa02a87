import type { PostRecord } from '../core/post';
import type { IndexEntry } from '../ext/post-index';
import type { PostFilter } from './store';

/** Lower-cased text, author and site, for search. Cached per record object. */
const haystacks = new WeakMap<PostRecord, string>();
function haystack(rec: PostRecord): string {
  let h = haystacks.get(rec);
  if (h === undefined) {
    h = `${rec.post.text}\n@${rec.post.author}\n${rec.post.platform}`.toLowerCase();
    haystacks.set(rec, h);
  }
  return h;
}

/**
 * The keys to list, newest first: those matching the filter and every word of the query. With a query this needs
 * the posts' text; `null` means "not every post is read yet".
 */
export function matchingKeys(
  index: IndexEntry[],
  records: Map<string, PostRecord>,
  allLoaded: boolean,
  query: string,
  filter: PostFilter,
): string[] | null {
  const byState = filter === 'all' ? index : index.filter((e) => e.state === 'in');
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return byState.map((e) => e.key);
  if (!allLoaded) return null;
  return byState
    .filter((e) => {
      const rec = records.get(e.key);
      return rec !== undefined && words.every((w) => haystack(rec).includes(w));
    })
    .map((e) => e.key);
}

const EXCERPT = 180;

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT) return flat;
  return `${[...flat.slice(0, EXCERPT + 1)].slice(0, -1).join('').trimEnd()}…`;
}
