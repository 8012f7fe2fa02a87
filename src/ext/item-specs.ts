// The items the popup's first screen reads (settings, posts, the post index and its head), declared here and
// read here without the polyfill: that screen's script loads none of it (see src/popup/first-screen-script.ts).
// items.ts builds its storage items from these declarations; every other reader goes through it.
import type { ConsentRecord } from '../core/consent';
import type { Platform } from '../core/platform';
import type { PostRecord } from '../core/post';
import { completeSettings, defaultSettings, type Settings } from '../core/site-settings';
import { HEAD_SIZE, type PostIndexHead } from './post-index';
import { upgrade, type StorageItemSpec } from './stored-value';

/** Per-site switches. storage.local, kept until uninstall. */
export const settingsSpec: StorageItemSpec<Settings> = {
  key: 'settings',
  area: 'local',
  version: 1,
  fallback: defaultSettings(),
  isValid: (d): d is Settings => typeof d === 'object' && d !== null && 'sites' in d,
};

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

/** The post index (post-index.ts). Written only together with the posts it describes. */
export const postIndexSpec: StorageItemSpec<string> = {
  key: 'post-index',
  area: 'local',
  version: 1,
  fallback: '',
  isValid: (d): d is string => typeof d === 'string',
};

function isPostIndexHead(d: unknown): d is PostIndexHead {
  const h = d as PostIndexHead;
  return (
    typeof h === 'object' &&
    h !== null &&
    Number.isInteger(h.total) &&
    Number.isInteger(h.licensed) &&
    Array.isArray(h.records) &&
    h.records.length <= HEAD_SIZE &&
    h.records.every(isPostRecord)
  );
}

/**
 * The index head (post-index.ts): counts and the newest licensed posts, for the popup's first screen. Written
 * only in the same storage write as the index and the posts. Absent in storage written before it existed:
 * repairPostIndex writes it on update, and readers fall back to the index meanwhile.
 */
export const postIndexHeadSpec: StorageItemSpec<PostIndexHead | null> = {
  key: 'post-index-head',
  area: 'local',
  version: 1,
  fallback: null,
  isValid: isPostIndexHead,
};

/** What reads go through: the polyfill's storage.local, or the browser's own (firstScreenArea). */
export interface ReadArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
}

/** storage.local as the browser gives it (MV3's chrome.storage returns promises): no polyfill. */
export function firstScreenArea(): ReadArea {
  return chrome.storage.local;
}

/** storage.local changes, from the browser's own API: no polyfill. */
export function onLocalChanged(fn: (changes: Record<string, { newValue?: unknown }>) => void): void {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') fn(changes);
  });
}

export interface FirstScreenData {
  settings: Settings;
  head: PostIndexHead | null;
}

/** Settings and the index head in one small read: everything the popup's first screen needs. */
export async function readFirstScreen(area: ReadArea): Promise<FirstScreenData> {
  const got = await area.get([settingsSpec.key, postIndexHeadSpec.key]);
  return {
    settings: completeSettings(upgrade(settingsSpec, got[settingsSpec.key])),
    head: upgrade(postIndexHeadSpec, got[postIndexHeadSpec.key]),
  };
}

export async function readPostRecords(area: ReadArea, keys: string[]): Promise<Map<string, PostRecord>> {
  const out = new Map<string, PostRecord>();
  if (keys.length === 0) return out;
  const got = await area.get(keys);
  for (const key of keys) {
    const rec = decodePost(got[key]);
    if (rec) out.set(key, rec);
  }
  return out;
}

/** The post index's text. */
export async function readPostIndex(area: ReadArea): Promise<string> {
  const got = await area.get(postIndexSpec.key);
  return upgrade(postIndexSpec, got[postIndexSpec.key]);
}
