import { create } from 'zustand';
import type { Platform } from '../core/platform';
import type { PostRecord } from '../core/post';
import { completeSettings, defaultSettings, type Settings } from '../core/site-settings';
import { decodePost, getAllPostRecords, getPostRecords, POST_KEY_PREFIX, postIndexItem, settingsItem } from '../ext/items';
import { send } from '../ext/messages';
import { parsePostIndex, sortedEntries, type IndexEntry } from '../ext/post-index';
import { upgrade } from '../ext/storage-item';
import { HEAD_SIZE } from '../ext/post-index';
import { early, type LocalChanges } from './early-bridge';
import type { Handoff } from './handoff';

/** Posts shown before "Show more": the posts the index head holds (the first screen shows as many). */
export const FIRST_PAGE = HEAD_SIZE;

export type PostFilter = 'in' | 'all';

interface PopupState {
  loaded: boolean;
  error: string | null;
  settings: Settings;
  /** Every stored post, newest first, from the post index: enough to count and page without reading posts. */
  index: IndexEntry[];
  /** Posts read so far, by storage key; mirrors storage, never written here except from it. */
  records: Map<string, PostRecord>;
  /** True once every post has been read (search needs their text). */
  allLoaded: boolean;
  query: string;
  filter: PostFilter;
  setQuery(query: string): void;
  setFilter(filter: PostFilter): void;
  /** Read the given posts if they are not in `records` yet. */
  ensureRecords(keys: string[]): void;
  setSiteEnabled(platform: Platform, enabled: boolean): Promise<void>;
  setConsent(rec: PostRecord, optIn: boolean): Promise<void>;
}

/** The popup's state: a mirror of storage. Changes go to the background, and come back through storage. */
export const usePopup = create<PopupState>()((set, get) => ({
  loaded: false,
  error: null,
  settings: defaultSettings(),
  index: [],
  records: new Map(),
  allLoaded: false,
  query: '',
  filter: 'in',
  setQuery: (query) => {
    set({ query });
    if (query) loadAll();
  },
  setFilter: (filter) => set({ filter }),
  ensureRecords(keys) {
    const missing = keys.filter((k) => !get().records.has(k) && !pending.has(k));
    if (missing.length === 0) return;
    for (const k of missing) pending.add(k);
    getPostRecords(missing).then(
      (got) => {
        for (const k of missing) pending.delete(k);
        set({ records: new Map([...get().records, ...got]) });
      },
      (e: unknown) => set({ error: `Could not read your posts: ${message(e)}` }),
    );
  },
  async setSiteEnabled(platform, enabled) {
    // Show the switch where the user put it at once; storage confirms, a refusal puts it back.
    const before = get().settings;
    set({ settings: { sites: { ...before.sites, [platform]: { enabled } } } });
    try {
      await send('site.setEnabled', { platform, enabled });
      set({ error: null });
    } catch (e) {
      set({ settings: before, error: message(e) });
    }
  },
  async setConsent(rec, optIn) {
    try {
      await send('post.setConsent', { platform: rec.post.platform, postId: rec.post.postId, optIn });
      set({ error: null });
    } catch (e) {
      set({ error: message(e) });
    }
  },
}));

const pending = new Set<string>();
let loadingAll: Promise<void> | null = null;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Read every post (for search). Once per popup; later changes arrive through the storage watch. */
function loadAll(): void {
  loadingAll ??= getAllPostRecords().then(
    (records) => {
      const map = new Map(usePopup.getState().records);
      for (const rec of records) map.set(`post:${rec.post.platform}:${rec.post.postId}`, rec);
      usePopup.setState({ records: map, allLoaded: true });
    },
    (e: unknown) => usePopup.setState({ error: `Could not read your posts: ${message(e)}` }),
  );
}

/** Apply one storage.local change (posts, index, settings) to the store, in one update. */
function applyChanges(changes: LocalChanges): void {
  const patch: Partial<PopupState> = {};
  let records: Map<string, PostRecord> | null = null;
  for (const key in changes) {
    const value = changes[key]!.newValue;
    if (key.startsWith(POST_KEY_PREFIX)) {
      records ??= new Map(usePopup.getState().records);
      const rec = decodePost(value);
      if (rec) records.set(key, rec);
      else records.delete(key);
    } else if (key === postIndexItem.spec.key) patch.index = sortedEntries(parsePostIndex(upgrade(postIndexItem.spec, value)));
    else if (key === settingsItem.spec.key) patch.settings = completeSettings(upgrade(settingsItem.spec, value));
  }
  if (records) patch.records = records;
  if (Object.keys(patch).length > 0) usePopup.setState(patch);
}

/**
 * Load what the popup read at start (early-load.ts) into the store and keep it in step with storage, changes
 * made since the start included. Resolves once loaded (or failed, with the error shown).
 */
export async function connectStore(): Promise<void> {
  const bridge = early();
  try {
    if (!bridge) throw new Error('The popup was not started.');
    const { settings, index, records } = await bridge.earlyData();
    usePopup.setState({ settings, index, records, loaded: true });
  } catch (e) {
    usePopup.setState({ loaded: true, error: `Could not read your data: ${message(e)}` });
  }
  bridge?.onLocalChange(applyChanges);
}

/** Carry out what the user did on the plain first screen (first-screen.ts), as if done here. */
export function applyHandoff(h: Handoff): void {
  const s = usePopup.getState();
  if (h.filter !== s.filter) s.setFilter(h.filter);
  if (h.query) s.setQuery(h.query);
  for (const [p, enabled] of Object.entries(h.sites)) void s.setSiteEnabled(p as Platform, enabled);
  for (const [key, optIn] of h.consent) {
    const rec = s.records.get(key);
    if (rec) void s.setConsent(rec, optIn);
  }
}
