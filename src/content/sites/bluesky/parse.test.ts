// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isOwnPost, type Identified, type ParsedPost } from '../../site-adapter';
import { blueskyAdapter } from './adapter';
import { currentBlueskyUser, identifyBlueskyPost, parseBlueskyPost } from './parse';

// jsdom ships no types (and @types/jsdom is not a dependency): declare the part of its API used here.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, options: { url: string; runScripts?: 'dangerously' }) => { window: Window & typeof globalThis };
};
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/bluesky');
const ALICE = { handle: 'alice.consentry.social', id: 'did:plc:aliceconsentry000000000001' };

/** Open a saved page as the browser would: its inline script seeds the app's session storage. */
function open(name: string, url: string) {
  const dom = new JSDOM(readFileSync(join(FIXTURES, name), 'utf8'), { url, runScripts: 'dangerously' });
  const doc = dom.window.document;
  const loc = new URL(dom.window.location.href);
  const items = [...doc.querySelectorAll(blueskyAdapter.postSelector)];
  const posts = items.map((el) => blueskyAdapter.parse(el, loc));
  const user = blueskyAdapter.currentUser(doc);
  const ownIds = user ? posts.filter((p): p is ParsedPost => p !== null && isOwnPost(p, user)).map((p) => p.postId) : [];
  const byId = (id: string) => posts.find((p) => p?.postId === id) ?? null;
  const elementOf = (id: string) => items[posts.findIndex((p) => p?.postId === id)]!;
  return { dom, doc, loc, items, posts, user, ownIds, byId, elementOf };
}

const at = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).toISOString();
const image = (cid: string) => `https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:aliceconsentry000000000001/${cid}@jpeg`;

// Record keys in the fixtures (TIDs of each post's createdAt).
const ID = {
  A1: '3lp4pgry2hc2u', A2: '3lp2uc4kn72zn', A3: '3lp4h4ax4ukhf', A4: '3lp4eticjmkdu', A5: '3lp2gqwyow2in',
  A6: '3loycthjps2ae', A7: '3low5tfse62gf', A8: '3loshw53s22qm', A9: '3llqt5ezo22y5', A10: '3lp6yl3rvk2mu',
  A11: '3lp5t5n5mc2v4', B1: '3lp4mved5y27v', B2: '3loxulicrk2xe', B3: '3lp4e6yvd22j5', B4: '3lp6u425jk25v',
  C1: '3lp3fu6x7m2d4', E1: '3lp4qsumbr2xm', X1: '3lp47pxax226v', X2: '3lp46unots244',
  T0: '3lpa3w6lk42xn', R1: '3lpa4diuvk2je', R2: '3lpa4nozvw2ff', R3: '3lpa4vf3h22jm',
};
const HOME_OWN = [ID.A1, ID.A2, ID.A3, ID.A4, ID.A5, ID.A6, ID.A7, ID.A8];

describe('home feed (BSKY_STORAGE session)', () => {
  const page = open('home.html', 'https://bsky.app/');

  it('knows Alice is logged in, and which posts are hers', () => {
    expect(page.user).toEqual(ALICE);
    expect(page.ownIds).toEqual(HOME_OWN);
  });

  it("marks every own item (and none of the look-alikes'), so the driver skips the rest with one query", () => {
    const mark = blueskyAdapter.ownMark!({ handle: 'Alice.Consentry.Social' }); // any case
    const marked = page.items.filter((el) => el.matches(mark) || el.querySelector(mark) !== null);
    expect(marked.map((el) => page.posts[page.items.indexOf(el)]?.postId)).toEqual(expect.arrayContaining(HOME_OWN));
    for (const el of marked) expect(page.posts[page.items.indexOf(el)]?.author).toBe('alice.consentry.social');
  });

  it('reads every item, so the others are excluded for their author and not for a parse failure', () => {
    expect(page.posts.map((p) => p?.author)).toEqual([
      'alice.consentry.social', 'bob.bsky.social', 'carol.bsky.social', 'alice.consentry.social', 'alice.consentry.social',
      'erin.bsky.social', 'bob.bsky.social', 'alice.consentry.social', 'alice.consentry.social.evil.example',
      'alicex.consentry.social', 'alice.consentry.social', 'alice.consentry.social', 'alice.consentry.social', 'alice.consentry.social',
    ]);
  });

  it('reads a plain own post completely', () => {
    expect(page.byId(ID.A1)).toEqual({
      postId: ID.A1,
      url: `https://bsky.app/profile/alice.consentry.social/post/${ID.A1}`,
      author: 'alice.consentry.social',
      createdAt: at(2025, 5, 14, 9, 41),
      text: 'Trying out Consentry today: my posts, my terms. If my words train a model, it will be because I said yes.',
      media: [],
      promoted: false,
    });
  });

  it("treats Alice's repost of Carol's post as Carol's", () => {
    const post = page.byId(ID.C1)!;
    expect(post.author).toBe('carol.bsky.social');
    expect(isOwnPost(post, ALICE)).toBe(false);
    expect(post.text).not.toContain('Reposted');
  });

  it("treats Dan's repost of Alice's post as Alice's", () => {
    expect(page.byId(ID.A2)).toMatchObject({ author: 'alice.consentry.social', text: 'Consent should be opt-in, revocable, and priced by the person who wrote the words.' });
  });

  it("keeps the quoted post out of Alice's quote post: text, id and media are hers alone", () => {
    expect(page.byId(ID.A3)).toMatchObject({
      postId: ID.A3,
      text: "This is exactly why I license only some of my posts. Here's my settings page.",
      media: [image('bafkreialicesettings3shot4zq5w6e7r2t3y4u5i6o7p2a3s4d5f')],
    });
    expect(page.byId(ID.B2)).toBeNull(); // the quoted post is not an item of its own
  });

  it("does not take Erin's quote of Alice for Alice's post", () => {
    expect(page.byId(ID.E1)).toMatchObject({ author: 'erin.bsky.social', text: 'Alice has a point here.' });
    expect(page.ownIds).not.toContain(ID.E1);
  });

  it('matches the handle exactly: look-alike handles are not Alice', () => {
    expect(page.byId(ID.X1)?.author).toBe('alice.consentry.social.evil.example');
    expect(page.byId(ID.X2)?.author).toBe('alicex.consentry.social');
    expect(page.ownIds).not.toContain(ID.X1);
    expect(page.ownIds).not.toContain(ID.X2);
  });

  it('counts a reply in a thread slice as its author’s', () => {
    expect(page.byId(ID.A4)?.text).toBe('A licence I control per post, and a way to take it back.');
    expect(page.byId(ID.B3)?.author).toBe('bob.bsky.social');
  });

  it('keeps emoji, RTL text and facets as the page shows them', () => {
    expect(page.byId(ID.A5)?.text).toBe(
      'Good morning 🌅👋🏽 مرحبا بالعالم · שלום עולם\nThanks @bob.bsky.social for the pointers, notes at example.com/why #consent',
    );
  });

  it('lists images as fullsize URLs in order, and a video by its thumbnail', () => {
    expect(page.byId(ID.A6)?.media).toEqual([
      image('bafkreialiceworkshop1photo2q3w4e5r6t7y2u3i4o5p6a7s2d3'),
      image('bafkreialiceworkshop2photo3w4e5r6t7y2u3i4o5p6a7s2d3f4'),
    ]);
    expect(page.byId(ID.A7)?.media).toEqual([
      'https://video.bsky.app/watch/did%3Aplc%3Aaliceconsentry000000000001/bafkreialiceexplainervideo2q3w4e5r6t7y2u3i4o5p6a7s2d/thumbnail.jpg',
    ]);
  });

  it('reads a full-length (300 grapheme) post whole', () => {
    const text = page.byId(ID.A8)!.text;
    expect([...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)]).toHaveLength(300);
    expect(text.endsWith('Anything not marked stays mine. 👩🏽‍💻🇪🇺')).toBe(true);
  });

  it("mounts on the outer post's controls row, never in the quote card", () => {
    for (const id of HOME_OWN) {
      const el = page.elementOf(id);
      const mount = blueskyAdapter.mountPoint(el);
      expect(mount).not.toBe(el);
      expect(el.contains(mount)).toBe(true);
      expect(mount.querySelector('[data-testid="likeBtn"]')).not.toBeNull();
      expect(mount.querySelector('[data-testid="postDropdownBtn"]')).not.toBeNull();
      expect(mount.closest('[aria-label^="Post by "]')).toBeNull();
    }
  });

  it('finds the controls row by its like button where the post shows no reply button', () => {
    const el = page.elementOf(HOME_OWN[0]!).cloneNode(true) as Element;
    const row = blueskyAdapter.mountPoint(el);
    for (const b of el.querySelectorAll('[data-testid="replyBtn"]')) b.remove();
    expect(blueskyAdapter.mountPoint(el)).toBe(row);
  });

  it('finds the same own posts again after an item is cloned with a new record key', () => {
    const el = page.elementOf(ID.A1);
    const copy = el.cloneNode(true) as Element;
    for (const a of copy.querySelectorAll('a[href*="/post/"]')) a.setAttribute('href', a.getAttribute('href')!.replace(ID.A1, '3lzzzzzzzzz2a'));
    el.parentElement!.append(copy);
    expect(blueskyAdapter.parse(copy, page.loc)).toMatchObject({ postId: '3lzzzzzzzzz2a', author: 'alice.consentry.social' });
  });
});

describe('session kept in BSKY_SESSION_STORAGE_V1', () => {
  it('finds Alice and the same own posts', () => {
    const page = open('session-v1.html', 'https://bsky.app/');
    expect(JSON.parse(page.dom.window.localStorage.getItem('BSKY_STORAGE')!).session).toEqual({ accounts: [] });
    expect(page.user).toEqual(ALICE);
    expect(page.ownIds).toEqual(HOME_OWN);
  });
});

describe('profile page', () => {
  const page = open('profile.html', 'https://bsky.app/profile/alice.consentry.social');

  it('marks the pinned post and her posts as own, not her repost of Bob', () => {
    expect(page.ownIds).toEqual([ID.A9, ID.A10, ID.A11]);
    expect(page.byId(ID.B4)?.author).toBe('bob.bsky.social');
  });

  it('reads an en-GB timestamp label', () => {
    expect(page.byId(ID.A11)).toMatchObject({
      createdAt: at(2025, 5, 14, 20, 20),
      media: [image('bafkreialiceharboursunset2q3w4e5r6t7y2u3i4o5p6a7s2d3f')],
    });
  });
});

describe("a post's own page", () => {
  const url = `https://bsky.app/profile/alice.consentry.social/post/${ID.T0}`;
  const page = open('thread.html', url);

  it('takes the focal post id from the URL, not from the link in its text', () => {
    expect(page.ownIds).toEqual([ID.T0, ID.R2]);
    expect(page.byId(ID.T0)).toEqual({
      postId: ID.T0,
      url,
      author: 'alice.consentry.social',
      createdAt: null,
      text: 'More on per-post licensing, following up on bsky.app/profile/alic...\nShort answer: the default is no.',
      media: [],
      promoted: false,
    });
  });

  it('reads replies without the postText testid', () => {
    expect(page.posts.map((p) => p && [p.author, p.postId, p.text])).toEqual([
      ['alice.consentry.social', ID.T0, expect.any(String)],
      ['bob.bsky.social', ID.R1, 'Agreed, and per post is the right granularity.'],
      ['alice.consentry.social', ID.R2, 'Thanks! Per post also means I can change my mind.'],
      ['alicex.consentry.social', ID.R3, 'Same first name, different person.'],
    ]);
  });

  it('gives no id to the focal post when the URL is not its page', () => {
    const focal = page.items[0]!;
    expect(parseBlueskyPost(focal, new URL('https://bsky.app/'))).toBeNull();
    expect(parseBlueskyPost(focal, new URL(`https://bsky.app/profile/bob.bsky.social/post/${ID.T0}`))).toBeNull();
  });

  it('mounts on the focal post’s own controls', () => {
    const mount = blueskyAdapter.mountPoint(page.items[0]!);
    expect(mount.querySelector('[data-testid="replyBtn"]')).not.toBeNull();
    expect(page.items[0]!.contains(mount)).toBe(true);
  });
});

describe('Bluesky identify (what the control needs, without text and media)', () => {
  const PAGES = [
    ['home.html', 'https://bsky.app/'],
    ['session-v1.html', 'https://bsky.app/'],
    ['profile.html', 'https://bsky.app/profile/alice.consentry.social'],
    ['thread.html', `https://bsky.app/profile/alice.consentry.social/post/${ID.T0}`],
    ['changed.html', 'https://bsky.app/'],
  ] as const;
  // Each page's user in another case, every author of the fixtures (an item is identified only for its author), and
  // look-alikes: identify gives what parse gives for an item of that user's, and null for everyone else's.
  const users = ['alice.consentry.social', 'ALICE.Consentry.Social', 'alice.consentry', 'lice.consentry.social', 'alice.consentry.social.evil.example', 'alicex.consentry.social'];
  // Identify's answer without where it puts the control (parse has no say in that).
  const identity = (got: Identified | null) => got && { postId: got.postId, author: got.author, promoted: got.promoted };
  const expected = (full: ParsedPost | null, handle: string) =>
    full && full.author.toLowerCase() === handle.toLowerCase() ? { postId: full.postId, author: full.author, promoted: full.promoted } : null;

  it.each(PAGES)('gives the id, author and ad flag that parse gives for an item of the user, else null, on %s', (name, url) => {
    const page = open(name, url);
    const authors = new Set(page.posts.flatMap((p) => (p ? [p.author] : [])));
    let identified = 0;
    for (const handle of new Set([...users, ...authors])) {
      for (const [i, el] of page.items.entries()) {
        const got = identity(identifyBlueskyPost(el, page.loc, { handle }));
        expect(got).toEqual(expected(page.posts[i]!, handle));
        if (got) identified++;
      }
    }
    expect(identified > 0).toBe(name !== 'changed.html');
  });

  it("places the control in the item's own header line, next to its time link, on the timeline, profile and replies", () => {
    let placed = 0;
    for (const [name, url] of PAGES) {
      const page = open(name, url);
      for (const el of page.items) {
        const got = identifyBlueskyPost(el, page.loc, ALICE);
        if (!got?.mountAt) continue;
        placed++;
        const time = got.mountAt.querySelector(`:scope > a[href$="/post/${got.postId}"]`);
        expect(time?.getAttribute('aria-label'), `${name} ${got.postId}`).toMatch(/\d{4} at \d/); // the time link, labelled with the date
        expect(el.contains(got.mountAt)).toBe(true);
        expect(got.mountAt.closest('[aria-label^="Post by "], [data-testid="postText"], div[data-word-wrap="1"]')).toBeNull();
      }
    }
    expect(placed).toBeGreaterThanOrEqual(8);
    // A post's own page shows the focal post's time as text: identify has no place for it, and the controls row is used.
    const thread = open('thread.html', `https://bsky.app/profile/alice.consentry.social/post/${ID.T0}`);
    const focal = identifyBlueskyPost(thread.items[0]!, thread.loc, ALICE);
    expect(focal?.postId).toBe(ID.T0);
    expect(focal?.mountAt).toBeUndefined();
  });

  it('reads past a quoted post that comes first in the markup, and takes none of its links', () => {
    const page = open('home.html', 'https://bsky.app/');
    const el = page.elementOf(ID.A3);
    const card = el.querySelector('[aria-label^="Post by "]')!;
    expect(card.querySelector('a[href*="/post/"]')).not.toBeNull();
    el.prepend(card); // Bob's quoted post, with its own permalink, before Alice's
    for (const handle of ['alice.consentry.social', 'bob.bsky.social']) expect(identity(identifyBlueskyPost(el, page.loc, { handle }))).toEqual(expected(parseBlueskyPost(el, page.loc), handle));
    const got = identifyBlueskyPost(el, page.loc, ALICE);
    expect(identity(got)).toEqual({ postId: ID.A3, author: 'alice.consentry.social', promoted: false });
    expect(got?.mountAt?.closest('[aria-label^="Post by "]') ?? null).toBeNull(); // (read in full here: no place given)
    expect(blueskyAdapter.mountPoint(el).closest('[aria-label^="Post by "]')).toBeNull();
  });

  it('reads links as the address bar would (dot segments, another host), and takes no oddly written link for a permalink', () => {
    const page = open('home.html', 'https://bsky.app/');
    const el = page.elementOf(ID.A1);
    const permalink = [...el.querySelectorAll('a[href*="/post/"]')].at(-1)!;
    const firstLink = el.querySelector('a[href]')!;
    const cases: [Element, string][] = [
      [permalink, `/profile/alice.consentry.social/post/x/../${ID.A2}`], // resolves to A2's path
      [permalink, `https://bsky.app/profile/alice.consentry.social/post/${ID.A2}`],
      [permalink, `https://evil.example/profile/alice.consentry.social/post/${ID.A2}`], // not bsky.app: no permalink
      [permalink, `/profile/./post/${ID.A2}`],
      [firstLink, `\\profile\\alice.consentry.social\\post\\${ID.A4}`], // URL parsing reads backslashes as slashes: no link of the app's
      [firstLink, `/profile/alice.consentry.social/p\tost/${ID.A4}`], // and drops a tab
    ];
    for (const [a, href] of cases) {
      const before = a.getAttribute('href')!;
      a.setAttribute('href', href);
      expect(identity(identifyBlueskyPost(el, page.loc, ALICE)), href).toEqual(expected(parseBlueskyPost(el, page.loc), ALICE.handle));
      a.setAttribute('href', before);
    }
    const takes = (a: Element, href: string) => {
      const before = a.getAttribute('href')!;
      a.setAttribute('href', href);
      const got = identifyBlueskyPost(el, page.loc, ALICE)?.postId;
      a.setAttribute('href', before);
      return got;
    };
    expect(takes(firstLink, `\\profile\\alice.consentry.social\\post\\${ID.A4}`)).toBe(ID.A1);
    expect(takes(firstLink, `/profile/alice.consentry.social/p\tost/${ID.A4}`)).toBe(ID.A1);
    expect(takes(permalink, `/profile/alice.consentry.social/post/x/../${ID.A2}`)).toBe(ID.A2);
  });

  it('marks the own items themselves (the driver takes them from that one query), and no look-alike', () => {
    for (const [name, url] of PAGES) {
      const page = open(name, url);
      if (!page.user) continue;
      const marked = [...page.doc.querySelectorAll(blueskyAdapter.ownMark!(page.user))];
      const ownItems = page.items.filter((el, i) => page.posts[i] && isOwnPost(page.posts[i], page.user!));
      expect(marked.every((m) => m.matches(blueskyAdapter.postSelector))).toBe(true);
      expect(marked).toEqual(expect.arrayContaining(ownItems));
      if (name !== 'changed.html') expect(marked).toEqual(ownItems); // (there, items keep their testid but none reads as a post)
    }
    // A handle ending in "-by-<handle>" is marked too: looked at, it is someone else's.
    const page = open('home.html', 'https://bsky.app/');
    const el = page.elementOf(ID.X2);
    el.setAttribute('data-testid', 'feedItem-by-by-alice.consentry.social');
    expect(el.matches(blueskyAdapter.ownMark!(ALICE))).toBe(true);
    expect(identifyBlueskyPost(el, page.loc, ALICE)).toBeNull();
  });
});

describe('changed markup', () => {
  it('yields no posts and does not throw', () => {
    const page = open('changed.html', 'https://bsky.app/');
    expect(page.user).toEqual(ALICE);
    expect(page.items.length).toBeGreaterThan(0); // some keep the old testid …
    expect(page.posts.every((p) => p === null)).toBe(true); // … but none is a post any more
    expect(page.ownIds).toEqual([]);
  });
});

describe('currentBlueskyUser', () => {
  const account = (did: string, handle: string) => ({
    service: 'https://bsky.social/', did, handle, accessJwt: `ACCESS-${handle}`, refreshJwt: `REFRESH-${handle}`, active: true,
  });
  const storage = (items: Record<string, string>) => ({ getItem: (k: string) => items[k] ?? null });
  const legacy = (session: unknown) => JSON.stringify({ colorMode: 'system', session, languagePrefs: { appLanguage: 'en' } });
  const alice = account(ALICE.id, ALICE.handle);
  const work = account('did:plc:aliceworkaccount00000000002', 'alice-work.consentry.social');

  afterEach(() => vi.restoreAllMocks());

  it('reads the current account from BSKY_STORAGE, matched on its DID among several', () => {
    const user = currentBlueskyUser(storage({ BSKY_STORAGE: legacy({ accounts: [work, alice], currentAccount: { ...alice, handle: 'old.handle.example' } }) }));
    expect(user).toEqual(ALICE);
  });

  it('reads BSKY_SESSION_STORAGE_V1, which wins over the legacy blob', () => {
    const items = {
      BSKY_STORAGE: legacy({ accounts: [work], currentAccount: work }),
      BSKY_SESSION_STORAGE_V1: JSON.stringify({ accounts: [work, alice], currentDid: ALICE.id }),
    };
    expect(currentBlueskyUser(storage(items))).toEqual(ALICE);
    const loggedOut = { ...items, BSKY_SESSION_STORAGE_V1: JSON.stringify({ accounts: [work, alice] }) };
    expect(currentBlueskyUser(storage(loggedOut))).toBeNull();
  });

  it('does not read the legacy blob at all where BSKY_SESSION_STORAGE_V1 exists', () => {
    const read: string[] = [];
    const items: Record<string, string> = { BSKY_STORAGE: legacy({ accounts: [work], currentAccount: work }), BSKY_SESSION_STORAGE_V1: JSON.stringify({ accounts: [alice], currentDid: ALICE.id }) };
    const spy = { getItem: (k: string) => (read.push(k), items[k] ?? null) };
    expect(currentBlueskyUser(spy)).toEqual(ALICE);
    expect(read).toEqual(['BSKY_SESSION_STORAGE_V1']);
    delete items.BSKY_SESSION_STORAGE_V1; // an older web app: the legacy blob is the session again
    expect(currentBlueskyUser(spy)).toEqual({ handle: work.handle, id: work.did });
  });

  it('never returns tokens', () => {
    const user = currentBlueskyUser(storage({ BSKY_STORAGE: legacy({ accounts: [alice], currentAccount: alice }) }));
    expect(Object.keys(user!).sort()).toEqual(['handle', 'id']);
    expect(JSON.stringify(user)).not.toMatch(/ACCESS|REFRESH|Jwt/);
  });

  it.each([
    ['nothing stored', {}],
    ['malformed JSON', { BSKY_STORAGE: '{"session": {"currentAccount": ' }],
    ['JSON null', { BSKY_STORAGE: 'null' }],
    ['an array', { BSKY_STORAGE: '[1,2]' }],
    ['logged out', { BSKY_STORAGE: legacy({ accounts: [alice] }) }],
    ['current DID not among accounts, no handle', { BSKY_STORAGE: legacy({ accounts: [work], currentAccount: { did: ALICE.id } }) }],
    ['a handle that is not one', { BSKY_STORAGE: legacy({ accounts: [account(ALICE.id, 'Alice <script>')], currentAccount: { did: ALICE.id } }) }],
    ['handle.invalid', { BSKY_STORAGE: legacy({ accounts: [account(ALICE.id, 'handle.invalid')], currentAccount: { did: ALICE.id } }) }],
    ['a DID that is not one', { BSKY_STORAGE: legacy({ accounts: [account('alice', ALICE.handle)], currentAccount: { did: 'alice' } }) }],
    ['malformed V1', { BSKY_SESSION_STORAGE_V1: '{"accounts":', BSKY_STORAGE: legacy({ accounts: [alice], currentAccount: alice }) }],
  ])('gives null for %s', (_, items: Record<string, string>) => {
    expect(currentBlueskyUser(storage(items))).toBeNull();
  });

  it('gives null when storage itself throws', () => {
    expect(currentBlueskyUser({ getItem: () => { throw new DOMException('denied', 'SecurityError'); } })).toBeNull();
  });

  it('parses a stored session once, until it changes', () => {
    const items: Record<string, string> = { BSKY_STORAGE: legacy({ accounts: [work, alice], currentAccount: { did: ALICE.id }, n: 1 }) };
    const parse = vi.spyOn(JSON, 'parse');
    expect(currentBlueskyUser(storage(items))).toEqual(ALICE);
    expect(currentBlueskyUser(storage(items))).toEqual(ALICE);
    expect(parse).toHaveBeenCalledTimes(1);
    items.BSKY_STORAGE = legacy({ accounts: [work, alice], currentAccount: { did: work.did } });
    expect(currentBlueskyUser(storage(items))).toEqual({ handle: work.handle, id: work.did });
    expect(parse).toHaveBeenCalledTimes(2);
  });
});

describe('blueskyAdapter.currentUser', () => {
  it('gives null where the page has no usable storage', () => {
    const blocked = { defaultView: { get localStorage(): Storage { throw new DOMException('denied', 'SecurityError'); } } };
    expect(blueskyAdapter.currentUser(blocked as unknown as Document)).toBeNull();
    expect(blueskyAdapter.currentUser({ defaultView: null } as unknown as Document)).toBeNull();
  });
});
