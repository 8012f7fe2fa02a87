// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isOwnPost, type ParsedPost } from '../../site-adapter';
import { xAdapter } from './adapter';
import { currentXUser, identifyXPost, parseXPost } from './parse';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/x');
const HOME = 'https://x.com/home';
const PROFILE = 'https://x.com/consentry_ana';
const STATUS = 'https://x.com/consentry_ana/status/2031000000000000012';
const id = (n: number) => `2031${String(n).padStart(15, '0')}`;

function load(name: string, url: string): Document {
  return new JSDOM(readFileSync(join(FIXTURES, name), 'utf8'), { url }).window.document;
}
function articles(doc: Document): Element[] {
  return [...doc.querySelectorAll(xAdapter.postSelector)];
}
function parseAll(doc: Document): (ParsedPost | null)[] {
  const loc = new URL(doc.URL);
  return articles(doc).map((a) => xAdapter.parse(a, loc));
}
function ownIds(doc: Document): string[] {
  const user = xAdapter.currentUser(doc);
  if (!user) return [];
  return parseAll(doc).flatMap((p) => (p && isOwnPost(p, user) ? [p.postId] : []));
}
function post(doc: Document, postId: string): ParsedPost {
  const found = parseAll(doc).find((p) => p?.postId === postId);
  if (!found) throw new Error(`no post ${postId}`);
  return found;
}
function articleOf(doc: Document, postId: string): Element {
  const a = articles(doc).find((el) => el.querySelector(`time`)?.closest('a')?.getAttribute('href')?.endsWith(`/status/${postId}`));
  if (!a) throw new Error(`no article ${postId}`);
  return a;
}

describe('X home timeline (home.html)', () => {
  const doc = load('home.html', HOME);

  it('knows who is logged in from the left nav', () => {
    expect(currentXUser(doc)).toEqual({ handle: 'consentry_ana' });
  });

  it('marks exactly the own posts: not reposts of others, quoted posts, ads or look-alike handles', () => {
    expect(ownIds(doc)).toEqual([1, 4, 5, 7, 12, 13, 14, 15].map(id));
  });

  it('parses every post once, the quoted ones never on their own, and skips an ad without a status link', () => {
    expect(parseAll(doc).map((p) => p?.postId ?? null)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, null, 10, 11, 12, 13, 14, 15].map((n) => (n === null ? null : id(n))));
  });

  it('reads an own post completely', () => {
    expect(post(doc, id(1))).toEqual({
      postId: id(1),
      url: `https://x.com/consentry_ana/status/${id(1)}`,
      author: 'consentry_ana',
      createdAt: '2026-02-13T09:12:05.000Z',
      text: 'First light over the harbour this morning.\n\nWriting it down before it fades.',
      media: [],
      truncated: false,
      promoted: false,
    });
  });

  it('takes the author of a repost from the post, not from the "You reposted" line', () => {
    expect(post(doc, id(3)).author).toBe('jonas_berg');
    expect(post(doc, id(4)).author).toBe('consentry_ana'); // "Mara Okafor reposted" an own post
  });

  it('keeps the quoted post out of an own quote post: text, photo and its "Show more"', () => {
    expect(post(doc, id(5))).toEqual({
      postId: id(5),
      url: `https://x.com/consentry_ana/status/${id(5)}`,
      author: 'consentry_ana',
      createdAt: '2026-02-13T10:01:10.000Z',
      text: 'This is exactly why I want a say in how my posts are used.',
      media: [],
      truncated: false,
      promoted: false,
    });
  });

  it('gives a quote of an own post to the one who quoted it', () => {
    const quote = post(doc, id(6));
    expect(quote.author).toBe('mara_okafor');
    expect(quote.text).toBe('Ana put it better than I could:');
    expect(parseAll(doc).filter((p) => p?.postId === id(1))).toHaveLength(1);
  });

  it('reads a reply without the "Replying to" line', () => {
    expect(post(doc, id(7)).text).toBe('Agreed. Licences should be per post, not per platform.');
  });

  it('flags an ad as promoted even when the user is its author', () => {
    const ad = post(doc, id(8));
    expect(ad).toMatchObject({ author: 'consentry_ana', promoted: true, createdAt: null });
    expect(isOwnPost(ad, { handle: 'consentry_ana' })).toBe(false);
  });

  it('flags a post in an ad box of impression pixels as promoted even when it shows a time link', () => {
    const fresh = load('home.html', HOME);
    const ad = articles(fresh).find((a) => a.closest('[data-testid="placementTracking"]')?.querySelector(':scope > [data-testid$="-impression-pixel"]'));
    const line = ad?.querySelector('[data-testid="User-Name"]');
    if (!ad || !line) throw new Error('no pixel ad in the fixture');
    line.insertAdjacentHTML('beforeend', `<a href="/consentry_ana/status/${id(8)}"><time datetime="2026-01-02T03:04:05.000Z">Jan 2</time></a>`);
    const parsed = xAdapter.parse(ad, new URL(HOME));
    expect(parsed).toMatchObject({ postId: id(8), createdAt: '2026-01-02T03:04:05.000Z', promoted: true });
    expect(identifyXPost(ad, new URL(HOME), { handle: 'consentry_ana' })).toMatchObject({ promoted: true });
  });

  it('does not take look-alike handles, or a display name written as a handle, for the user', () => {
    expect(post(doc, id(10)).author).toBe('consentry_ana_');
    expect(post(doc, id(11)).author).toBe('consentry_anax');
  });

  it('marks a post cut with "Show more" as truncated', () => {
    const long = post(doc, id(12));
    expect(long.truncated).toBe(true);
    expect(long.text.endsWith('and it should be asked for')).toBe(true);
  });

  it('turns emoji images back into characters and keeps RTL text, hashtag, mention and the full link', () => {
    expect(post(doc, id(13)).text).toBe(
      'أشارك منشوراتي بشروطي 🌿\nהתוכן שלי, הכללים שלי ♥️\n#Consentry مع @mara_okafor https://example.org/consent/licences-for-ai',
    );
  });

  it('lists photos without their size variant and video posters', () => {
    expect(post(doc, id(14)).media).toEqual([
      'https://pbs.twimg.com/media/HCa1b2cXoAA3dEf?format=jpg',
      'https://pbs.twimg.com/media/HCa1b2dWkAEx9Yz?format=png',
    ]);
    expect(post(doc, id(15)).media).toEqual(['https://pbs.twimg.com/amplify_video_thumb/2031000000000000915/img/QbX7aR2kLmN0pQrS.jpg']);
  });

  it('mounts the control in the outer action bar, never in the quoted post', () => {
    for (const postId of [1, 5, 14].map(id)) {
      const article = articleOf(doc, postId);
      const mount = xAdapter.mountPoint(article);
      expect(mount.getAttribute('role')).toBe('group');
      expect(mount.querySelector('[data-testid="reply"]')).not.toBeNull();
      expect(article.contains(mount)).toBe(true);
      expect(mount.closest('div[role="link"]')).toBeNull();
    }
  });

  it('falls back to the post itself when there is no action bar', () => {
    const article = articleOf(doc, id(1)).cloneNode(true) as Element;
    article.querySelector('[role="group"]')?.remove();
    expect(xAdapter.mountPoint(article)).toBe(article);
  });

  it('never lets the quoted text stand in for a missing own text', () => {
    const article = articleOf(doc, id(5));
    const copy = article.cloneNode(true) as Element;
    copy.querySelector('[data-testid="tweetText"]')?.remove(); // the outer text comes first
    expect(parseXPost(copy, new URL(HOME))?.text).toBe('');
  });

  it('reads a cloned cell with a new status id as a new own post (how end-to-end tests add posts)', () => {
    const cell = articleOf(doc, id(1)).closest(xAdapter.cellSelector!)!;
    const clone = cell.cloneNode(true) as Element;
    for (const a of clone.querySelectorAll('a[href*="/status/"]')) {
      a.setAttribute('href', a.getAttribute('href')!.replace(id(1), id(999)));
    }
    cell.parentElement!.append(clone);
    try {
      expect(ownIds(doc)).toContain(id(999));
    } finally {
      clone.remove();
    }
  });
});

describe('X on twitter.com', () => {
  it('builds x.com permalinks from twitter.com pages', () => {
    const doc = load('home.html', 'https://twitter.com/home');
    expect(currentXUser(doc)).toEqual({ handle: 'consentry_ana' });
    expect(post(doc, id(1)).url).toBe(`https://x.com/consentry_ana/status/${id(1)}`);
  });
});

describe('X profile page (profile.html)', () => {
  const doc = load('profile.html', PROFILE);

  it('marks the pinned and other own posts, not the repost of someone else', () => {
    expect(ownIds(doc)).toEqual([201, 202, 203, 205].map(id));
    expect(post(doc, id(204)).author).toBe('jonas_berg');
  });

  it('reads the pinned post and the photo post', () => {
    expect(post(doc, id(201)).text).toBe('My posts here are licensed post by post. Ask before you train on them.');
    expect(post(doc, id(202)).media).toEqual(['https://pbs.twimg.com/media/HCb7Qw2XsAAtR5u?format=jpg']);
  });
});

describe("X post's own page (status.html)", () => {
  const doc = load('status.html', STATUS);
  const home = load('home.html', HOME);

  it('marks the focal post and the own reply', () => {
    expect(ownIds(doc)).toEqual([12, 302].map(id));
  });

  it('reads the full text of a post that the timeline cut', () => {
    const focal = post(doc, id(12));
    const cut = post(home, id(12));
    expect(focal).toMatchObject({ url: cut.url, author: 'consentry_ana', createdAt: '2026-02-11T19:45:00.000Z', truncated: false });
    expect(focal.text.startsWith(cut.text)).toBe(true);
    expect(focal.text.endsWith('not only with the platform.')).toBe(true);
  });

  it("mounts on the focal post's action bar", () => {
    const focal = articles(doc)[0]!;
    expect(xAdapter.mountPoint(focal).querySelector('[data-testid="like"]')).not.toBeNull();
  });
});

describe('X after a markup change (changed.html)', () => {
  const doc = load('changed.html', HOME);

  it('finds no user and no post, and does not throw', () => {
    expect(currentXUser(doc)).toBeNull();
    expect(articles(doc)).toHaveLength(7);
    expect(parseAll(doc)).toEqual(Array(7).fill(null));
    expect(ownIds(doc)).toEqual([]);
  });
});

describe('X identify (what the control needs, without text and media)', () => {
  const FIXTURE_PAGES = [
    ['home.html', HOME],
    ['profile.html', PROFILE],
    ['status.html', STATUS],
    ['changed.html', HOME],
  ] as const;
  // Each page's user, every author of the fixtures (others' posts are identified only for their author), and a
  // look-alike: identify gives what parse gives for a post of that user's, and null for everyone else's.
  const users = ['consentry_ana', 'CONSENTRY_ANA', 'jonas_berg', 'consentry_ana_', 'consentry_anax', 'consentry_an'];

  it.each(FIXTURE_PAGES)('gives the id, author and ad flag that parse gives for a post of the user, else null, on %s', (name, url) => {
    const doc = load(name, url);
    const loc = new URL(url);
    const authors = new Set(parseAll(doc).flatMap((p) => (p ? [p.author] : [])));
    let identified = 0;
    for (const handle of new Set([...users, ...authors])) {
      for (const a of articles(doc)) {
        const full = parseXPost(a, loc);
        const expected = full && full.author.toLowerCase() === handle.toLowerCase() ? { postId: full.postId, author: full.author.toLowerCase(), promoted: full.promoted } : null;
        const got = identifyXPost(a, loc, { handle });
        expect(got).toEqual(expected);
        if (got) identified++;
      }
    }
    expect(identified > 0).toBe(name !== 'changed.html');
  });

  it('is not fooled by a quoted post of the user inside someone else\'s post, whatever comes first', () => {
    const doc = load('home.html', HOME);
    const loc = new URL(HOME);
    const quoting = articles(doc).filter((a) => a.querySelector('div[role="link"] [data-testid="User-Name"]'));
    expect(quoting.length).toBeGreaterThan(0);
    for (const a of quoting) {
      const full = parseXPost(a, loc)!;
      const quoted = a.querySelector('div[role="link"]')!;
      a.prepend(quoted);
      for (const handle of users) {
        const got = identifyXPost(a, loc, { handle });
        expect(got).toEqual(full.author.toLowerCase() === handle.toLowerCase() ? { postId: full.postId, author: full.author.toLowerCase(), promoted: full.promoted } : null);
      }
    }
  });

  it('lets through every own post of the fixtures, and few others, before identifying them', () => {
    for (const [name, url] of [['home.html', HOME], ['profile.html', PROFILE], ['status.html', STATUS]] as const) {
      const doc = load(name, url);
      const user = currentXUser(doc)!;
      const loc = new URL(url);
      const mark = xAdapter.ownMark!(user);
      for (const a of articles(doc)) {
        const p = parseXPost(a, loc);
        if (!p || !isOwnPost(p, user)) continue;
        // Its timeline cell is not skipped…
        expect(a.closest(xAdapter.cellSelector!)?.querySelector(mark) ?? a.querySelector(mark)).not.toBeNull();
        expect(identifyXPost(a, loc, user)).toEqual({ postId: p.postId, author: p.author.toLowerCase(), promoted: p.promoted });
      }
    }
  });

  it("skips a timeline cell without the user's link, so look-alike handles and others' cells cost one query", () => {
    const doc = load('home.html', HOME);
    const loc = new URL(HOME);
    const mark = xAdapter.ownMark!({ handle: 'Consentry_Ana' }); // any case
    const cells = [...doc.querySelectorAll(xAdapter.cellSelector!)].filter((c) => c.querySelector(xAdapter.postSelector));
    const kept = cells.filter((c) => c.querySelector(mark));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(cells.length);
    for (const c of cells) {
      if (c.querySelector(mark)) continue;
      for (const a of c.querySelectorAll(xAdapter.postSelector)) expect(identifyXPost(a, loc, { handle: 'consentry_ana' })).toBeNull();
    }
  });

  it('finds the author line and time past a quoted post that comes first in the markup', () => {
    const doc = load('home.html', HOME);
    const article = articleOf(doc, id(5));
    const quote = article.querySelector('div[role="link"]')!;
    expect(quote.querySelector('[data-testid="User-Name"]')).not.toBeNull();
    article.prepend(quote); // the quoted card, with its own author line and time, before the outer ones
    const loc = new URL(HOME);
    expect(identifyXPost(article, loc, { handle: 'consentry_ana' })).toEqual({ postId: id(5), author: 'consentry_ana', promoted: false });
    expect(parseXPost(article, loc)).toMatchObject({ postId: id(5), author: 'consentry_ana', createdAt: '2026-02-13T10:01:10.000Z', text: 'This is exactly why I want a say in how my posts are used.', media: [] });
  });
});

describe('X robustness', () => {
  const doc = load('home.html', HOME);

  it('returns null for elements that are not posts', () => {
    const loc = new URL(HOME);
    expect(parseXPost(doc.body, loc)).toBeNull();
    expect(parseXPost(doc.createElement('article'), loc)).toBeNull();
    expect(parseXPost(doc.querySelector('header')!, loc)).toBeNull();
  });

  it('falls back to the account switcher, whose display name cannot pose as the handle', () => {
    const copy = load('home.html', HOME);
    copy.querySelector('a[data-testid="AppTabBar_Profile_Link"]')!.remove();
    const name = [...copy.querySelectorAll('[data-testid="SideNav_AccountSwitcher_Button"] span')].find((s) => s.textContent === 'Ana Example')!;
    name.textContent = '@someone_else';
    expect(currentXUser(copy)).toEqual({ handle: 'consentry_ana' });
    copy.querySelector('[data-testid="SideNav_AccountSwitcher_Button"]')!.remove();
    expect(currentXUser(copy)).toBeNull();
  });

  it('parses every post of the home timeline without reading layout', () => {
    const dom = new JSDOM(readFileSync(join(FIXTURES, 'home.html'), 'utf8'), { url: HOME });
    const w = dom.window;
    const reads: string[] = [];
    const getters = ['innerText', 'outerText', 'offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft', 'offsetParent',
      'clientWidth', 'clientHeight', 'clientTop', 'clientLeft', 'scrollWidth', 'scrollHeight', 'scrollTop', 'scrollLeft'];
    for (const proto of [w.Element.prototype, w.HTMLElement.prototype]) {
      for (const name of getters) Object.defineProperty(proto, name, { configurable: true, get: () => (reads.push(name), 0) });
      for (const name of ['getBoundingClientRect', 'getClientRects', 'checkVisibility', 'scrollIntoView']) {
        Object.defineProperty(proto, name, { configurable: true, value: () => (reads.push(name), undefined) });
      }
    }
    w.getComputedStyle = (() => (reads.push('getComputedStyle'), undefined)) as unknown as typeof w.getComputedStyle;
    const parsed = parseAll(w.document);
    for (const a of articles(w.document)) xAdapter.mountPoint(a);
    xAdapter.currentUser(w.document);
    expect(parsed.filter(Boolean)).toHaveLength(14);
    expect(reads).toEqual([]);
  });
});
