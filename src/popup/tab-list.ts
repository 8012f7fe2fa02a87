// The popup's sections. Plain data, no React: the first screen (first-screen.ts) draws the same tab list.

export const TABS = [
  { id: 'posts', label: 'Posts' },
  { id: 'terms', label: 'Terms' },
  { id: 'earnings', label: 'Earnings' },
  { id: 'wallet', label: 'Wallet' },
  { id: 'settings', label: 'Settings' },
] as const;

export type TabId = (typeof TABS)[number]['id'];

export const tabId = (tab: TabId) => `tab-${tab}`;
export const panelId = (tab: TabId) => `panel-${tab}`;

/** The tab an arrow key, Home or End moves to from `current`; undefined for other keys. */
export function tabForKey(current: TabId, key: string): TabId | undefined {
  const i = TABS.findIndex((t) => t.id === current);
  const last = TABS.length - 1;
  const next = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[key];
  return next === undefined ? undefined : TABS[next]!.id;
}
