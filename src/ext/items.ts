import type { ConsentRecord } from '../core/consent';
import type { Platform } from '../core/platform';
import type { PostRecord } from '../core/post';
import { completeSettings, defaultSettings, type Settings } from '../core/site-settings';
import { browser } from './browser';
import { indexEntry, parsePostIndex, serializePostIndex } from './post-index';
import { storageItem, upgrade, wrap, type StorageItemSpec } from './storage-item';

/**
 * Every key Consentry stores, declared here. Written by: the background worker only.
 * Read by: background, popup (mirror), content scripts (their own posts' state and the site switch).
 */

/** Per-site switches. storage.local, kept until uninstall. */
export const settingsItem = storageItem<Settings>({
  key: 'settings',
  area: 'local',
  version: 1,
  fallback: defaultSettings(),
  isValid: (d): d is Settings => typeof d === 'object' && d !== null && 'sites' in d,
});

/** Reads settings and fills in sites added after they were stored. */
export async function getSettings(): Promise<Settings> {
  return completeSettings(await settingsItem.get());
}

export const POST_KEY_PREFIX = 'post:';

/** One key per post, so a change writes one small value and the popup can read them all at once. */
export function postKey(platform: Platform, postId: string): string {
  return `${POST_KEY_PREFIX}${platform}:${postId}`;
}

function isPostRecord(d: unknown): d is PostRecord {
  const r = d as PostRecord;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.post?.postId === 'string' &&
    typeof r.post?.text === 'string' &&
    ((r.consent as ConsentRecord | undefined)?.state === 'in' || r.consent?.state === 'out') &&
    Array.isArray(r.consent.history)
  );
}

export const postSpec: StorageItemSpec<PostRecord | null> = {
  key: POST_KEY_PREFIX,
  area: 'local',
  version: 1,
  fallback: null,
  isValid: isPostRecord,
};

export function decodePost(raw: unknown): PostRecord | null {
  return upgrade(postSpec, raw);
}

export async function getPostRecords(keys: string[]): Promise<Map<string, PostRecord>> {
  const out = new Map<string, PostRecord>();
  if (keys.length === 0) return out;
  const got = await browser.storage.local.get(keys);
  for (const key of keys) {
    const rec = decodePost(got[key]);
    if (rec) out.set(key, rec);
  }
  return out;
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
export const postIndexItem = storageItem<string>({
  key: 'post-index',
  area: 'local',
  version: 1,
  fallback: '',
  isValid: (d): d is string => typeof d === 'string',
});

/**
 * Store one post and the index in a single storage write, so a worker stopped mid-way leaves both or neither.
 * The caller serialises calls (read index, change, write) so two writes cannot lose each other's entry.
 */
export async function setPostRecord(rec: PostRecord, also: Record<string, unknown> = {}): Promise<void> {
  await setPostRecords([rec], also);
}

/**
 * Store many posts, the index and any `also` values (wrapped already) in one storage write: all or nothing,
 * and the index is rewritten once, not once per post.
 */
export async function setPostRecords(recs: PostRecord[], also: Record<string, unknown> = {}): Promise<void> {
  const index = parsePostIndex(await postIndexItem.get());
  const items: Record<string, unknown> = { ...also };
  for (const rec of recs) {
    const key = postKey(rec.post.platform, rec.post.postId);
    index.set(key, indexEntry(key, rec));
    items[key] = wrap(postSpec, rec);
  }
  items[postIndexItem.spec.key] = wrap(postIndexItem.spec, serializePostIndex(index.values()));
  await browser.storage.local.set(items);
}

/** Rebuild the index from the posts when it is missing or out of step (an older version, a manual edit). */
export async function repairPostIndex(): Promise<number> {
  const [records, stored] = await Promise.all([getAllPostRecords(), postIndexItem.get()]);
  const index = parsePostIndex(stored);
  const fresh = new Map(records.map((r) => [postKey(r.post.platform, r.post.postId), r]));
  const inStep = index.size === fresh.size && [...fresh].every(([k, r]) => index.get(k)?.state === r.consent.state);
  if (inStep) return 0;
  await postIndexItem.set(serializePostIndex([...fresh].map(([k, r]) => indexEntry(k, r))));
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
