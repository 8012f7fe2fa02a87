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

/** Where `el` is under `root`, as child indexes. */
export function pathOf(root: Element, el: Element): number[] | null {
  const path: number[] = [];
  for (let n: Element | null = el; n !== root; n = n.parentElement) {
    if (!n?.parentElement) return null;
    path.unshift([...n.parentElement.children].indexOf(n));
  }
  return path;
}

/** The element at `path` under `root`, if there is one. */
function atPath(root: Element, path: number[]): Element | null {
  let n: Element | undefined = root;
  for (const i of path) n = n?.children[i];
  return n ?? null;
}

/**
 * After React's first render: the row that was at the top of the view is there again, and what was focused on
 * the first screen is focused, with the same selection.
 */
export function restoreView(root: Element, { focus, scroll }: Handoff): void {
  const row = scroll && root.querySelectorAll('ul.posts > li')[scroll.row];
  if (row) {
    // React's rows are new: out of view they would take a guessed height, so the rows above would not add up
    // to what they were. Lay them all out for real, then put the row back where it was.
    row.parentElement!.classList.add('laid-out');
    window.scrollBy(0, row.getBoundingClientRect().top - scroll.top);
  }
  if (!focus || (document.activeElement && document.activeElement !== document.body)) return;
  const el = atPath(root, focus.path);
  if (!(el instanceof HTMLElement)) return;
  el.focus({ preventScroll: true });
  if (focus.selection && el instanceof HTMLInputElement) el.setSelectionRange(...focus.selection);
}
