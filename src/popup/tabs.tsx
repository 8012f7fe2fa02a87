import { useRef, type KeyboardEvent } from 'react';

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

interface Props {
  current: TabId;
  onSelect(tab: TabId): void;
  /** Called when a tab is about to be chosen (hover, focus), to start loading its screen early. */
  onIntent?(tab: TabId): void;
}

/** The popup's sections as ARIA tabs: one tab stop, arrow keys, Home and End move between them. */
export function Tabs({ current, onSelect, onIntent }: Props) {
  const refs = useRef(new Map<TabId, HTMLButtonElement>());
  function onKeyDown(e: KeyboardEvent) {
    const i = TABS.findIndex((t) => t.id === current);
    const last = TABS.length - 1;
    const next = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = TABS[next]!.id;
    onSelect(tab);
    refs.current.get(tab)?.focus();
  }
  return (
    <div className="tabs">
      <div role="tablist" aria-label="Sections" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el);
              else refs.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={tabId(t.id)}
            aria-selected={t.id === current}
            aria-controls={panelId(t.id)}
            tabIndex={t.id === current ? 0 : -1}
            onClick={() => onSelect(t.id)}
            onPointerEnter={() => onIntent?.(t.id)}
            onFocus={() => onIntent?.(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
    </div>
  );
}
