// What the plain first screen (first-screen.ts) draws: the same elements, attributes and words as React's
// Posts tab (first-screen.test.ts compares the two). Post text is only ever set as text, never as HTML.
import { PLATFORM_INFO, PLATFORMS } from '../core/platform';
import type { PostRecord } from '../core/post';
import type { Settings } from '../core/site-settings';
import { offerLine } from './posts/offer-line';
import { excerpt } from './post-list';
import { consentButton, consentChip, formatTime, NO_LICENSED, offerTitle, showMore, siteHint } from './post-view';

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
export function h(tag: string, attrs: Record<string, string | undefined> | null, ...children: Child[]): HTMLElement {
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

export function sitesSection(settings: Settings): HTMLElement {
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

export function postsSection(data: FirstScreen, rows: Map<Element, PostRecord>): HTMLElement {
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
