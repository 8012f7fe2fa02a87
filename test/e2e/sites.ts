import { fixture, type ScrollSpec } from './harness';

/** What the end-to-end tests know about each site's fixtures: the own posts were read off the saved pages. */
export interface SiteCase {
  name: string;
  /** The site's name in the popup. */
  label: string;
  /** [url, own post ids on it]: timeline first, profile second. */
  pages: [string, string[]][];
  profileFile: string;
  /** Selector of the column swapped on in-app navigation (same in both fixtures). */
  mainColumn: string;
  changed: { url: string; file: string };
  profileOf(id: string): string;
  /** An own post on the timeline whose own page (profileOf) shows it too. */
  sharedId: string;
  scroll: Omit<ScrollSpec, 'total' | 'window'>;
  /** On the timeline and the profile, what the element holding post `id`'s control is (a selector it matches). */
  place(id: string): string;
  /** Remote API responses: host+path(+query) → body. */
  api?: Record<string, () => string>;
}

const BSKY_OWN_HOME = ['3lp4pgry2hc2u', '3lp2uc4kn72zn', '3lp4h4ax4ukhf', '3lp4eticjmkdu', '3lp2gqwyow2in', '3loycthjps2ae', '3low5tfse62gf', '3loshw53s22qm'];

const x = (n: string) => `2031${n.padStart(15, '0')}`;

export const SITES: SiteCase[] = [
  {
    name: 'x',
    label: 'X (Twitter)',
    pages: [
      ['https://x.com/home', ['1', '4', '5', '7', '12', '13', '14', '15'].map(x)],
      ['https://x.com/consentry_ana', ['201', '202', '203', '205'].map(x)],
      [`https://x.com/consentry_ana/status/${x('12')}`, [x('12'), x('302')]],
      // twitter.com is the same site: same controls, links written as x.com.
      ['https://twitter.com/home', ['1', '4', '5', '7', '12', '13', '14', '15'].map(x)],
    ],
    profileFile: 'x/profile.html',
    mainColumn: 'main',
    changed: { url: 'x.com/changed_markup', file: 'x/changed.html' },
    profileOf: (id) => `https://x.com/consentry_ana/status/${id}`,
    sharedId: x('12'),
    scroll: { cell: '[data-testid="cellInnerDiv"]', idInHref: '/status/(\\d+)', idKind: 'x' },
    place: () => '[role="group"]', // the post's action bar
  },
  {
    name: 'bluesky',
    label: 'Bluesky',
    pages: [
      ['https://bsky.app/', BSKY_OWN_HOME],
      ['https://bsky.app/profile/alice.consentry.social', ['3llqt5ezo22y5', '3lp6yl3rvk2mu', '3lp5t5n5mc2v4']],
      ['https://bsky.app/profile/alice.consentry.social/post/3lpa3w6lk42xn', ['3lpa3w6lk42xn', '3lpa4nozvw2ff']],
    ],
    profileFile: 'bluesky/profile.html',
    mainColumn: '#root',
    changed: { url: 'bsky.app/profile/changed.example', file: 'bluesky/changed.html' },
    profileOf: (id) => `https://bsky.app/profile/alice.consentry.social/post/${id}`,
    sharedId: BSKY_OWN_HOME[0]!,
    // A row of the feed list, holding its item, as the web app's list adds it.
    scroll: { cell: 'div:has(> [data-testid^="feedItem-by-"])', idInHref: '/post/([a-z2-7]{13})', idKind: 'bluesky' },
    place: (id) => `:has(> a[href$="/post/${id}"])`, // the post's header line, beside its time link
    api: { 'public.api.bsky.app/xrpc/app.bsky.feed.getPosts': () => fixture('bluesky/getPosts-own.json') },
  },
];
