import { create } from 'zustand';
import type { Platform } from '../core/platform';
import type { PostRecord } from '../core/post';
import { completeSettings, defaultSettings, type Settings } from '../core/site-settings';
import { getAllPostRecords, getPostRecords, postIndexItem, settingsItem, watchPostRecords } from '../ext/items';
import { send } from '../ext/messages';
import { parsePostIndex, sortedEntries, type IndexEntry } from '../ext/post-index';
import { earlyData } from './early-load';
export { FIRST_PAGE } from './early-load';

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

/** Load storage into the store and keep it in step. Returns a function that stops watching. */
export function connectStore(): () => void {
  const unwatchPosts = watchPostRecords((key, rec) => {
    const records = new Map(usePopup.getState().records);
    if (rec) records.set(key, rec);
    else records.delete(key);
    usePopup.setState({ records });
  });
  const unwatchIndex = postIndexItem.watch((text) => usePopup.setState({ index: sortedEntries(parsePostIndex(text)) }));
  const unwatchSettings = settingsItem.watch((s) => usePopup.setState({ settings: completeSettings(s) }));
  earlyData
    .then(({ settings, index, records }) => usePopup.setState({ settings, index, records, loaded: true }))
    .catch((e: unknown) => usePopup.setState({ loaded: true, error: `Could not read your data: ${message(e)}` }));
  return () => {
    unwatchPosts();
    unwatchIndex();
    unwatchSettings();
  };
}
