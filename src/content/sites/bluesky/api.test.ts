// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { ParsedPost } from '../../site-adapter';
import { enrichFromApi } from './api';
import { parseBlueskyPost } from './parse';
import { POST_SELECTOR } from './selectors';

// jsdom ships no types (and @types/jsdom is not a dependency): declare the part of its API used here.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, options: { url: string; runScripts?: 'dangerously' }) => { window: Window & typeof globalThis };
};
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/bluesky');
const ALICE = { handle: 'alice.consentry.social', id: 'did:plc:aliceconsentry000000000001' };
/** A saved getPosts response of the public AppView for Alice's posts. */
const GET_POSTS = JSON.parse(readFileSync(join(FIXTURES, 'getPosts-own.json'), 'utf8')) as { posts: { uri: string }[] };

/** Alice's posts as the home page shows them. */
const home = (() => {
  const dom = new JSDOM(readFileSync(join(FIXTURES, 'home.html'), 'utf8'), { url: 'https://bsky.app/' });
  const loc = new URL(dom.window.location.href);
  const posts = [...dom.window.document.querySelectorAll(POST_SELECTOR)].map((el) => parseBlueskyPost(el, loc));
  return (id: string) => posts.find((p) => p?.postId === id)!;
})();

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The AppView, served from the fixture: answers with the posts whose URIs were asked for. */
function appView(respond?: (asked: string[]) => Response | Promise<Response>) {
  return vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
    const asked = new URL(String(input)).searchParams.getAll('uris');
    return respond ? respond(asked) : json({ posts: GET_POSTS.posts.filter((p) => asked.includes(p.uri)) });
  });
}

const A3 = '3lp4h4ax4ukhf';
const A5 = '3lp2gqwyow2in';
const A6 = '3loycthjps2ae';
const A7 = '3low5tfse62gf';
const uri = (rkey: string) => `at://${ALICE.id}/app.bsky.feed.post/${rkey}`;

describe('enrichFromApi', () => {
  it('asks the public AppView for exactly this post, without credentials', async () => {
    const fetchFn = appView();
    await enrichFromApi(home(A5), ALICE, fetchFn);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(String(url)).toBe(`https://public.api.bsky.app/xrpc/app.bsky.feed.getPosts?uris=${encodeURIComponent(uri(A5))}`);
    expect(init?.credentials).toBe('omit');
  });

  it('replaces the text as shown with the record text, and fills in createdAt', async () => {
    const seen = home(A5);
    expect(seen.text).toContain('notes at example.com/why'); // the page shortens links
    const post = await enrichFromApi(seen, ALICE, appView());
    expect(post).toEqual({
      ...seen,
      text: 'Good morning 🌅👋🏽 مرحبا بالعالم · שלום עולם\nThanks @bob.bsky.social for the pointers, notes at https://example.com/why #consent',
      createdAt: '2025-05-13T12:00:30.000Z',
      media: [],
    });
  });

  it("keeps a quote post's own image and not the quoted post's", async () => {
    const post = await enrichFromApi(home(A3), ALICE, appView());
    expect(post.text).toBe("This is exactly why I license only some of my posts. Here's my settings page.");
    expect(post.media).toEqual([
      'https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:aliceconsentry000000000001/bafkreialicesettings3shot4zq5w6e7r2t3y4u5i6o7p2a3s4d5f@jpeg',
    ]);
  });

  it('gives the same media URLs the page shows, so the content hash does not depend on the source', async () => {
    for (const id of [A3, A6, A7]) {
      const seen = home(id);
      expect(seen.media.length).toBeGreaterThan(0);
      expect((await enrichFromApi(seen, ALICE, appView())).media).toEqual(seen.media);
    }
  });

  it('lists a video by its thumbnail', async () => {
    const post = await enrichFromApi(home(A7), ALICE, appView());
    expect(post.media).toEqual([
      'https://video.bsky.app/watch/did%3Aplc%3Aaliceconsentry000000000001/bafkreialiceexplainervideo2q3w4e5r6t7y2u3i4o5p6a7s2d/thumbnail.jpg',
    ]);
    expect(post.createdAt).toBe('2025-05-11T19:10:10.000Z');
  });

  type PostView = { uri: string; author: Record<string, unknown>; record: Record<string, unknown> };
  const view = (rkey: string) => structuredClone(GET_POSTS.posts.find((p) => p.uri === uri(rkey))!) as PostView;
  it.each<[string, () => ReturnType<typeof appView>]>([
    ['the server fails (500)', () => appView(() => json({ error: 'InternalServerError' }, 500))],
    ['the network fails', () => appView(() => Promise.reject(new TypeError('Failed to fetch')))],
    ['the body is not JSON', () => appView(() => new Response('<html>upstream error</html>', { status: 200 }))],
    ['the post is not in the answer', () => appView(() => json({ posts: [] }))],
    ['the answer is about another post', () => appView(() => json({ posts: [view(A3)] }))],
    ['the author DID differs', () => appView(() => json({ posts: [{ ...view(A5), author: { ...view(A5).author, did: 'did:plc:impostor000000000000000007' } }] }))],
    ['the record is not a post', () => appView(() => json({ posts: [{ ...view(A5), record: { ...view(A5).record, $type: 'app.bsky.feed.like' } }] }))],
    ['the text is missing', () => appView(() => json({ posts: [{ ...view(A5), record: { ...view(A5).record, text: undefined } }] }))],
    ['createdAt is not a date', () => appView(() => json({ posts: [{ ...view(A5), record: { ...view(A5).record, createdAt: 'yesterday' } }] }))],
    ['an image URL is not https', () => appView(() => json({ posts: [{ ...view(A5), embed: { $type: 'app.bsky.embed.images#view', images: [{ fullsize: 'javascript:alert(1)' }] } }] }))],
    ['the body is a list', () => appView(() => json([view(A5)]))],
  ])('returns the post unchanged when %s', async (_, make) => {
    const seen = home(A5);
    await expect(enrichFromApi(seen, ALICE, make())).resolves.toBe(seen);
  });

  it('does not ask about posts that are not the user’s, or without the user’s DID', async () => {
    const fetchFn = appView();
    const other: ParsedPost = { ...home(A5), author: 'bob.bsky.social', url: 'https://bsky.app/profile/bob.bsky.social/post/3lp4mved5y27v' };
    await expect(enrichFromApi(other, ALICE, fetchFn)).resolves.toBe(other);
    await expect(enrichFromApi(home(A5), { handle: ALICE.handle }, fetchFn)).resolves.toBe(home(A5));
    expect(fetchFn).not.toHaveBeenCalled();
  });
});
