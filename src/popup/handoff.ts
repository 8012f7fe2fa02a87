import type { Platform } from '../core/platform';
import type { PostFilter } from './store';
import type { TabId } from './tab-list';

/**
 * What the user did on the plain first screen (first-screen.ts) before React took over, so React starts where
 * they are instead of losing it. Read by the components for their initial state while React's first render
 * runs (mount.tsx), then reset: later mounts start fresh.
 */
export interface Handoff {
  tab: TabId;
  query: string;
  filter: PostFilter;
  /** Site switches the user flipped: sent once the store is up. */
  sites: Partial<Record<Platform, boolean>>;
  /** Posts whose opt-out (false) or opt-in (true) button was clicked, by storage key: sent once the store is up. */
  consent: Map<string, boolean>;
  /** Posts whose terms were opened, by storage key. */
  termsOpen: Set<string>;
  /** "Show more" clicks. */
  more: number;
  /** The focused element, as child indexes from the root element, and the text selection in it. */
  focus: { path: number[]; selection: [number, number] | null } | null;
  /** When scrolled: the first post row in view (its place in the list) and its top, to keep it there. */
  scroll: { row: number; top: number } | null;
}

export function emptyHandoff(): Handoff {
  return { tab: 'posts', query: '', filter: 'in', sites: {}, consent: new Map(), termsOpen: new Set(), more: 0, focus: null, scroll: null };
}

let current = emptyHandoff();

export function handoff(): Readonly<Handoff> {
  return current;
}

/** Use `h` for the initial state of the components React renders next; `endHandoff` once they have. */
export function beginHandoff(h: Handoff): void {
  current = h;
}

export function endHandoff(): void {
  current = emptyHandoff();
}
