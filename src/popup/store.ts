import { create } from 'zustand';
import type { Platform } from '../core/platform';
import type { PostRecord } from '../core/post';
import { defaultSettings, type Settings } from '../core/site-settings';
import { getAllPostRecords, getSettings, postKey, settingsItem, watchPostRecords } from '../ext/items';
import { send } from '../ext/messages';
import { completeSettings } from '../core/site-settings';

export type PostFilter = 'in' | 'all';

interface PopupState {
  loaded: boolean;
  error: string | null;
  settings: Settings;
  /** Every captured post by storage key; mirrors storage, never written here except from it. */
  posts: Map<string, PostRecord>;
  query: string;
  filter: PostFilter;
  setQuery(query: string): void;
  setFilter(filter: PostFilter): void;
  setSiteEnabled(platform: Platform, enabled: boolean): Promise<void>;
  setConsent(rec: PostRecord, optIn: boolean): Promise<void>;
}

/** The popup's state: a mirror of storage. Changes go to the background, and come back through storage. */
export const usePopup = create<PopupState>()((set) => ({
  loaded: false,
  error: null,
  settings: defaultSettings(),
  posts: new Map(),
  query: '',
  filter: 'in',
  setQuery: (query) => set({ query }),
  setFilter: (filter) => set({ filter }),
  async setSiteEnabled(platform, enabled) {
    try {
      await send('site.setEnabled', { platform, enabled });
      set({ error: null });
    } catch (e) {
      set({ error: message(e) });
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

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Load storage into the store and keep it in step. Returns a function that stops watching. */
export function connectStore(): () => void {
  const unwatchPosts = watchPostRecords((key, rec) => {
    const posts = new Map(usePopup.getState().posts);
    if (rec) posts.set(key, rec);
    else posts.delete(key);
    usePopup.setState({ posts });
  });
  const unwatchSettings = settingsItem.watch((s) => usePopup.setState({ settings: completeSettings(s) }));
  Promise.all([getSettings(), getAllPostRecords()]).then(
    ([settings, records]) => {
      const posts = new Map<string, PostRecord>();
      for (const rec of records) posts.set(postKey(rec.post.platform, rec.post.postId), rec);
      usePopup.setState({ settings, posts, loaded: true });
    },
    (e: unknown) => usePopup.setState({ loaded: true, error: `Could not read your data: ${message(e)}` }),
  );
  return () => {
    unwatchPosts();
    unwatchSettings();
  };
}
