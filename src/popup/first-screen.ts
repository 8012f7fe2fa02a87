// The popup's first screen drawn without React: the Posts tab with the site switches and the first page of
// licensed posts, from the small early read (early-load.ts), while the React bundle still loads. It draws
// exactly what React's first render draws (first-screen.test.ts compares the two), and it works: what the
// user does here (typing, switches, clicks) is handed to React, which replaces this DOM in one commit
// (mount.tsx). Post text is only ever set as text, never as HTML.
import { PLATFORM_INFO, PLATFORMS } from '../core/platform';
import type { PostRecord } from '../core/post';
import type { Settings } from '../core/site-settings';
import { postKey } from '../ext/items';
import { emptyHandoff, type Handoff } from './handoff';
import { offerLine } from './posts/offer-line';
import { excerpt } from './post-list';
import { consentButton, consentChip, formatTime, NO_LICENSED, offerTitle, showMore, siteHint, TAGLINE } from './post-view';
import { panelId, tabForKey, tabId, TABS, type TabId } from './tab-list';

export interface FirstScreen {
  settings: Settings;
  /** Posts stored, and how many of them are licensed. */
  total: number;
  licensed: number;
  /** The first page of licensed posts, newest first. */
  records: PostRecord[];
}

type Child = Node | string | null | false;

/** An element with attributes (undefined: left out) and children; strings become text nodes. */
function h(tag: string, attrs: Record<string, string | undefined> | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) for (const name in attrs) if (attrs[name] !== undefined) el.setAttribute(name, attrs[name]);
  for (const c of children) if (c !== null && c !== false) el.append(c);
  return el;
}

function postItem(rec: PostRecord, n: number): HTMLElement {
  const { post, consent, offer } = rec;
  const line = offerLine(offer, null); // the registry's address loads later, in React too
  return h(
    'li',
    { class: 'post', 'data-state': consent.state },
    h('p', { class: 'text', dir: 'auto' }, excerpt(post.text)),
    h(
      'div',
      { class: 'meta small' },
      h('span', null, PLATFORM_INFO[post.platform].name),
      h('time', { datetime: post.createdAt ?? undefined }, formatTime(post.createdAt)),
      h('a', { href: post.url, target: '_blank', rel: 'noopener noreferrer' }, 'Open post'),
    ),
    h(
      'div',
      { class: 'row' },
      h('span', { class: consent.state === 'in' ? 'chip on' : 'chip' }, consentChip(rec)),
      h('button', { type: 'button' }, consentButton(rec)),
    ),
    !!line &&
      !!offer &&
      h('p', { class: `offer small tone-${line.tone}`, title: offerTitle('at' in offer ? offer.at : offer.since) }, h('span', null, line.text)),
    h(
      'div',
      { class: 'post-terms' },
      h(
        'div',
        { class: 'post-terms-head' },
        h('button', { type: 'button', class: 'disclosure-button', 'aria-expanded': 'false', 'aria-controls': `first-${n}-panel` }, 'Terms'),
        // Own terms are summarised by code that loads later, in React too.
        h('span', { class: 'small muted summary', title: rec.terms ? 'Own terms' : 'Site default' }, rec.terms ? 'Own terms' : 'Site default'),
      ),
    ),
  );
}

function sitesSection(settings: Settings): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'sites-h' },
    h('h2', { id: 'sites-h' }, 'Sites'),
    h(
      'ul',
      { class: 'sites' },
      ...PLATFORMS.map((p) => {
        const input = h('input', { type: 'checkbox', role: 'switch', 'aria-describedby': `site-${p}-hint` }) as HTMLInputElement;
        input.checked = settings.sites[p].enabled;
        return h(
          'li',
          null,
          h('label', { class: 'switch' }, input, h('span', null, PLATFORM_INFO[p].name)),
          h('span', { id: `site-${p}-hint`, class: 'muted small' }, siteHint(settings.sites[p].enabled)),
        );
      }),
    ),
  );
}

function postsSection(data: FirstScreen, rows: Map<Element, PostRecord>): HTMLElement {
  if (data.total === 0) {
    const names = Object.values(PLATFORM_INFO)
      .map((p) => p.name)
      .join(' or ');
    return h(
      'section',
      { 'aria-labelledby': 'posts-h', class: 'empty' },
      h('h2', { id: 'posts-h' }, 'Your posts'),
      h('p', null, 'No posts yet.'),
      h(
        'p',
        { class: 'muted' },
        `Open ${names} while logged in. Your own posts get a small `,
        h('strong', null, 'License'),
        ' button; click it on any post you are happy for AI to learn from. It shows up here, and you can change your mind at any time.',
      ),
    );
  }
  const search = h('input', { type: 'search', placeholder: 'Search your posts', 'aria-label': 'Search your posts' });
  const select = h('select', { 'aria-label': 'Which posts' }, h('option', { value: 'in' }, 'Licensed'), h('option', { value: 'all' }, 'All, withdrawn too'));
  let list: HTMLElement;
  if (data.licensed === 0) list = h('p', { class: 'muted' }, NO_LICENSED);
  else {
    list = h('ul', { class: 'posts', 'aria-label': 'Posts' });
    data.records.forEach((rec, n) => {
      const li = postItem(rec, n);
      rows.set(li, rec);
      list.append(li);
    });
  }
  const left = data.licensed - data.records.length;
  return h(
    'section',
    { 'aria-labelledby': 'posts-h' },
    h('h2', { id: 'posts-h' }, 'Your posts ', h('span', { class: 'muted small' }, `(${data.licensed} licensed)`)),
    h('div', { class: 'toolbar' }, search, select),
    list,
    left > 0 && h('button', { type: 'button', class: 'more' }, showMore(left)),
  );
}

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

/** Where `el` is under `root`, as child indexes. */
function pathOf(root: Element, el: Element): number[] | null {
  const path: number[] = [];
  for (let n: Element | null = el; n !== root; n = n.parentElement) {
    if (!n?.parentElement) return null;
    path.unshift([...n.parentElement.children].indexOf(n));
  }
  return path;
}

/** The element at `path` under `root`, if there is one. */
export function atPath(root: Element, path: number[]): Element | null {
  let n: Element | undefined = root;
  for (const i of path) n = n?.children[i];
  return n ?? null;
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
