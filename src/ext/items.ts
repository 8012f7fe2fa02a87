import type { PostRecord } from '../core/post';
import { completeSettings, type Settings } from '../core/site-settings';
import { browser } from './browser';
import {
  decodePost,
  POST_KEY_PREFIX,
  postIndexHeadSpec,
  postIndexSpec,
  postKey,
  postSpec,
  readFirstScreen,
  readPostRecords,
  settingsSpec,
  type FirstScreenData,
} from './item-specs';
import { HEAD_SIZE, indexEntry, indexHead, newestEntries, parsePostIndex, serializePostIndex, type IndexEntry, type PostIndexHead } from './post-index';
import { storageItem, wrap } from './storage-item';

export { decodePost, POST_KEY_PREFIX, postKey, postSpec, type FirstScreenData };

/**
 * Every key Consentry stores, declared here. Written by: the background worker only.
 * Read by: background, popup (mirror), content scripts (their own posts' state and the site switch).
 */

/** Per-site switches. storage.local, kept until uninstall. */
export const settingsItem = storageItem(settingsSpec);

/** Reads settings and fills in sites added after they were stored. */
export async function getSettings(): Promise<Settings> {
  return completeSettings(await settingsItem.get());
}

export function getPostRecords(keys: string[]): Promise<Map<string, PostRecord>> {
  return readPostRecords(browser.storage.local, keys);
}

export async function getAllPostRecords(): Promise<PostRecord[]> {
  const all = await browser.storage.local.get(null);
  const out: PostRecord[] = [];
  for (const key in all) {
    if (!key.startsWith(POST_KEY_PREFIX)) continue;
    const rec = decodePost(all[key]);
    if (rec) out.push(rec);
  }
  return out;
}

/** The post index (post-index.ts). Written only together with the posts it describes. */
export const postIndexItem = storageItem(postIndexSpec);

/** The index head (post-index.ts), for the popup's first screen: see postIndexHeadSpec. */
export const postIndexHeadItem = storageItem(postIndexHeadSpec);

/** Settings and the index head in one small read: everything the popup's first screen needs. */
export function getFirstScreen(): Promise<FirstScreenData> {
  return readFirstScreen(browser.storage.local);
}

/** The head for `index`, reading from storage the posts of its first page that `known` does not hold. */
async function headFor(index: Map<string, IndexEntry>, known: Map<string, PostRecord>): Promise<PostIndexHead> {
  const missing = newestEntries(index.values(), HEAD_SIZE, 'in')
    .map((e) => e.key)
    .filter((k) => !known.has(k));
  const records = new Map(known);
  for (const [k, rec] of await getPostRecords(missing)) records.set(k, rec);
  return indexHead(index, records);
}

/**
 * Store one post and the index in a single storage write, so a worker stopped mid-way leaves both or neither.
 * The caller serialises calls (read index, change, write) so two writes cannot lose each other's entry.
 */
export async function setPostRecord(rec: PostRecord, also: Record<string, unknown> = {}): Promise<void> {
  await setPostRecords([rec], also);
}

/**
 * Store many posts, the index, its head and any `also` values (wrapped already) in one storage write: all or
 * nothing, and the index is rewritten once, not once per post.
 */
export async function setPostRecords(recs: PostRecord[], also: Record<string, unknown> = {}): Promise<void> {
  const index = parsePostIndex(await postIndexItem.get());
  const items: Record<string, unknown> = { ...also };
  const written = new Map<string, PostRecord>();
  for (const rec of recs) {
    const key = postKey(rec.post.platform, rec.post.postId);
    index.set(key, indexEntry(key, rec));
    items[key] = wrap(postSpec, rec);
    written.set(key, rec);
  }
  items[postIndexItem.spec.key] = wrap(postIndexItem.spec, serializePostIndex(index.values()));
  items[postIndexHeadItem.spec.key] = wrap(postIndexHeadItem.spec, await headFor(index, written));
  await browser.storage.local.set(items);
}

/** JSON with object keys sorted: storage may hand objects back with their keys in another order. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * Rebuild the index and its head from the posts when either is missing or out of step (an older version that
 * wrote no head, a manual edit). Both are written in one storage write. Returns the entries rewritten.
 */
export async function repairPostIndex(): Promise<number> {
  const [records, stored, storedHead] = await Promise.all([getAllPostRecords(), postIndexItem.get(), postIndexHeadItem.get()]);
  const index = parsePostIndex(stored);
  const fresh = new Map(records.map((r) => [postKey(r.post.platform, r.post.postId), r]));
  if (fresh.size === 0 && index.size === 0 && !storedHead) return 0; // nothing stored yet: no head needed either
  const inStep = index.size === fresh.size && [...fresh].every(([k, r]) => index.get(k)?.state === r.consent.state);
  const freshIndex = inStep ? index : new Map([...fresh].map(([k, r]) => [k, indexEntry(k, r)]));
  const head = indexHead(freshIndex, fresh);
  if (inStep && canonical(storedHead) === canonical(head)) return 0;
  await browser.storage.local.set({
    [postIndexItem.spec.key]: wrap(postIndexItem.spec, serializePostIndex(freshIndex.values())),
    [postIndexHeadItem.spec.key]: wrap(postIndexHeadItem.spec, head),
  });
  return fresh.size;
}

/** Calls `fn` with every post record that changed (null when removed). */
export function watchPostRecords(fn: (key: string, rec: PostRecord | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    for (const key in changes) if (key.startsWith(POST_KEY_PREFIX)) fn(key, decodePost(changes[key]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
