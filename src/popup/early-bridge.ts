// The popup loads as two scripts: the first screen (first-screen-script.ts, a classic script of its own with
// no imports, so it runs after one fetch) and React (main.tsx, a module that loads the rest). They share no
// module instances, so the first screen hands what React needs over through this one global. Types only here,
// and the global's name: nothing that would pull code from one script into the other.
import type { PostRecord } from '../core/post';
import type { Settings } from '../core/site-settings';
import type { IndexEntry } from '../ext/post-index';
import type { Handoff } from './handoff';

export type LocalChanges = Record<string, { newValue?: unknown }>;

export interface EarlyData {
  settings: Settings;
  index: IndexEntry[];
  /** The first page of licensed posts. */
  records: Map<string, PostRecord>;
}

export interface EarlyBridge {
  /** Resolves once React may load: the first screen is painted (or could not be). */
  uiMayLoad: Promise<void>;
  /** What the first screen read: settings, the whole index and the first page. */
  earlyData(): Promise<EarlyData>;
  /** storage.local changes since the popup started, then as they come. */
  onLocalChange(fn: (changes: LocalChanges) => void): void;
  /** What the user did on the first screen (null if it was not drawn); it stops listening. */
  takeHandoff(): Handoff | null;
}

const KEY = '__consentryEarly';

export function publishEarly(bridge: EarlyBridge): void {
  (globalThis as Record<string, unknown>)[KEY] = bridge;
}

/** The first screen's bridge; null if its script did not run. */
export function early(): EarlyBridge | null {
  return ((globalThis as Record<string, unknown>)[KEY] as EarlyBridge | undefined) ?? null;
}
