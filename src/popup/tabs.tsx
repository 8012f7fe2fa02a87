import { useRef, type KeyboardEvent } from 'react';
import { panelId, tabForKey, tabId, TABS, type TabId } from './tab-list';

export { panelId, tabId, TABS, type TabId };

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
    const tab = tabForKey(current, e.key);
    if (tab === undefined) return;
    e.preventDefault();
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
