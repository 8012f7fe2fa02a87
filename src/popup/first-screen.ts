// The popup's first screen drawn without React: the Posts tab with the site switches and the first page of
// licensed posts, from the small early read (early-load.ts), while the React bundle still loads. It draws
// exactly what React's first render draws (first-screen.test.ts compares the two), and it works: what the
// user does here (typing, switches, clicks) is handed to React, which replaces this DOM in one commit
// (mount.tsx). Post text is only ever set as text, never as HTML.
import { PLATFORMS } from '../core/platform';
import type { PostRecord } from '../core/post';
import type { Settings } from '../core/site-settings';
import { postKey } from '../ext/item-specs';
import { h, postsSection, sitesSection, type FirstScreen } from './first-screen-view';
import { emptyHandoff, pathOf, type Handoff } from './handoff';
import { siteHint, TAGLINE } from './post-view';
import { panelId, tabForKey, tabId, TABS, type TabId } from './tab-list';

export type { FirstScreen };

interface Painted {
  root: HTMLElement;
  settings: Settings;
  state: Handoff;
  /** The Posts tab's content, also while another tab is shown. */
  content: HTMLElement[];
  stop(): void;
}

let painted: Painted | null = null;

/** Draw the first screen into `root`. */
export function paintFirstScreen(root: HTMLElement, data: FirstScreen): void {
  const rows = new Map<Element, PostRecord>();
  const state = emptyHandoff();
  const postsContent = [sitesSection(data.settings), postsSection(data, rows)];
  const panel = h('div', { role: 'tabpanel', id: panelId('posts'), 'aria-labelledby': tabId('posts'), class: 'panel-body' }, ...postsContent);
  const tabs = TABS.map((t) =>
    h('button', { type: 'button', role: 'tab', id: tabId(t.id), 'aria-selected': String(t.id === 'posts'), 'aria-controls': panelId(t.id), tabindex: t.id === 'posts' ? '0' : '-1' }, t.label),
  );
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Sections' }, ...tabs);
  const main = h(
    'main',
    { class: 'app', 'aria-busy': 'false' },
    h('header', { class: 'top' }, h('h1', null, 'Consentry'), h('p', { class: 'tagline' }, TAGLINE)),
    h('div', { class: 'tabs' }, tablist),
    panel,
  );

  // Another tab than Posts shows what React's shows while that screen loads, until React takes over.
  function selectTab(tab: TabId, focus: boolean) {
    state.tab = tab;
    TABS.forEach((t, i) => {
      tabs[i]!.setAttribute('aria-selected', String(t.id === tab));
      tabs[i]!.tabIndex = t.id === tab ? 0 : -1;
    });
    panel.id = panelId(tab);
    panel.setAttribute('aria-labelledby', tabId(tab));
    panel.replaceChildren(...(tab === 'posts' ? postsContent : [h('p', { class: 'muted' }, 'Loading…')]));
    if (focus) tabs[TABS.findIndex((t) => t.id === tab)]!.focus();
  }

  const onClick = (e: Event) => {
    const target = e.target as Element;
    const tab = target.closest('[role="tab"]');
    if (tab) return selectTab(TABS[tabs.indexOf(tab as HTMLElement)]!.id, false);
    if (target.closest('button.more')) return void state.more++;
    const li = target.closest('li.post');
    const rec = li && rows.get(li);
    if (!rec) return;
    const key = postKey(rec.post.platform, rec.post.postId);
    if (target.closest('.row > button')) state.consent.set(key, rec.consent.state !== 'in');
    const terms = target.closest('button.disclosure-button');
    if (terms) {
      const open = !state.termsOpen.has(key);
      if (open) state.termsOpen.add(key);
      else state.termsOpen.delete(key);
      terms.setAttribute('aria-expanded', String(open));
      const box = terms.closest('.post-terms')!;
      if (open) box.append(h('div', { id: terms.getAttribute('aria-controls')!, class: 'panel' }, h('p', { class: 'muted small' }, 'Loading…')));
      else box.querySelector('.panel')?.remove();
    }
  };
  const onChange = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.getAttribute('role') === 'switch') root.querySelector(`#${input.getAttribute('aria-describedby')}`)!.textContent = siteHint(input.checked);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.target as Element).closest('[role="tablist"]')) return;
    const tab = tabForKey(state.tab, e.key);
    if (tab === undefined) return;
    e.preventDefault();
    selectTab(tab, true);
  };
  root.addEventListener('click', onClick);
  root.addEventListener('change', onChange);
  root.addEventListener('keydown', onKeyDown);
  root.replaceChildren(main);
  painted = {
    root,
    settings: data.settings,
    state,
    content: postsContent,
    stop() {
      root.removeEventListener('click', onClick);
      root.removeEventListener('change', onChange);
      root.removeEventListener('keydown', onKeyDown);
    },
  };
}

/**
 * What the user has done on the first screen (null if it was not drawn), and stop listening: React is about
 * to replace it. Call in the same task as React's synchronous first render, so nothing happens in between.
 */
export function takeHandoff(): Handoff | null {
  if (!painted) return null;
  const { root, settings, state, content, stop } = painted;
  painted = null;
  stop();
  for (const p of PLATFORMS) {
    const input = content.map((c) => c.querySelector<HTMLInputElement>(`input[aria-describedby="site-${p}-hint"]`)).find(Boolean);
    if (input && input.checked !== settings.sites[p].enabled) state.sites[p] = input.checked;
  }
  const search = content.map((c) => c.querySelector<HTMLInputElement>('input[type="search"]')).find(Boolean);
  const select = content.map((c) => c.querySelector<HTMLSelectElement>('select')).find(Boolean);
  if (search) state.query = search.value;
  if (select) state.filter = select.value === 'all' ? 'all' : 'in';
  if ((document.scrollingElement?.scrollTop ?? 0) > 0) {
    // Rows out of view are not laid out (content-visibility), so React's new rows above the view may take other
    // heights than these did: remember which row is at the top of the view, and where.
    const rows = [...root.querySelectorAll('ul.posts > li')];
    const row = rows.findIndex((li) => li.getBoundingClientRect().bottom > 0);
    if (row >= 0) state.scroll = { row, top: rows[row]!.getBoundingClientRect().top };
  }
  const active = document.activeElement;
  const path = active && root.contains(active) ? pathOf(root, active) : null;
  if (path) {
    const selection = active instanceof HTMLInputElement && active.type === 'search' ? ([active.selectionStart ?? 0, active.selectionEnd ?? 0] as [number, number]) : null;
    state.focus = { path, selection };
  }
  return state;
}
