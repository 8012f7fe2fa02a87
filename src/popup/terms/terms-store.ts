import { create } from 'zustand';
import type { Platform } from '../../core/platform';
import type { TermsJson } from '../../core/terms/terms-json';
import { send } from '../../ext/messages';
import { clearError, idleStatus, runAction, type ActionStatus } from '../async-action';

/** Saves are keyed by site or post, so one form's spinner never shows on another. */
export type TermsAction = 'load' | `site:${Platform}` | `post:${Platform}:${string}`;

export const postAction = (platform: Platform, postId: string): TermsAction => `post:${platform}:${postId}`;

interface TermsState extends ActionStatus<TermsAction> {
  /** Each site's default terms; null until read. */
  sites: Record<Platform, TermsJson> | null;
  /** Read the site defaults (once; `force` reads again). */
  load(force?: boolean): Promise<void>;
  saveSite(platform: Platform, terms: TermsJson): Promise<boolean>;
  /** `null` puts the post back on its site's default terms. The post's record in storage follows. */
  savePost(platform: Platform, postId: string, terms: TermsJson | null): Promise<boolean>;
  clearError(action: TermsAction): void;
}

export const useTerms = create<TermsState>()((set, get) => ({
  ...idleStatus<TermsAction>(),
  sites: null,
  async load(force = false) {
    if ((get().sites && !force) || get().pending.load) return;
    const r = await runAction(set, 'load', () => send('terms.get', {}));
    if (r.ok) set({ sites: r.value });
  },
  async saveSite(platform, terms) {
    const r = await runAction(set, `site:${platform}`, () => send('terms.setSite', { platform, terms }));
    // The background answers with the terms as it stored them (normalised): show those.
    if (r.ok) set((s) => ({ sites: s.sites && { ...s.sites, [platform]: r.value } }));
    return r.ok;
  },
  async savePost(platform, postId, terms) {
    const r = await runAction(set, postAction(platform, postId), () => send('terms.setPost', { platform, postId, terms }));
    return r.ok;
  },
  clearError: (action) => clearError(set, action),
}));
