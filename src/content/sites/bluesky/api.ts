import { isValidPostId } from '../../../core/permalink';
import type { ParsedPost, SiteUser } from '../../site-adapter';

/** Public AppView: no auth, no cookies. */
export const GET_POSTS_URL = 'https://public.api.bsky.app/xrpc/app.bsky.feed.getPosts';
const TIMEOUT_MS = 10_000;
const DID = /^did:[a-z]+:[A-Za-z0-9._:%-]{1,2048}$/;

/**
 * Complete one of the user's own posts from the public AppView: canonical record text, createdAt and media
 * (image fullsize URLs, video thumbnail). Anything unexpected (network, HTTP, shape, another post or author)
 * returns `post` unchanged; never throws.
 *
 * @example const full = await enrichFromApi(parsed, { handle: 'alice.example', id: 'did:plc:…' })
 */
export async function enrichFromApi(post: ParsedPost, user: SiteUser, fetchFn: typeof fetch = fetch): Promise<ParsedPost> {
  try {
    const did = user.id;
    if (!did || !DID.test(did) || post.author.toLowerCase() !== user.handle.toLowerCase()) return post;
    if (!isValidPostId('bluesky', post.postId)) return post;
    const uri = `at://${did}/app.bsky.feed.post/${post.postId}`;
    const res = await fetchFn(`${GET_POSTS_URL}?uris=${encodeURIComponent(uri)}`, {
      credentials: 'omit',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) return post;
    const canonical = readPostView(await res.json(), uri, did);
    return canonical ? { ...post, ...canonical } : post;
  } catch {
    return post;
  }
}

type Canonical = Pick<ParsedPost, 'text' | 'createdAt' | 'media'>;

/** Check a getPosts response against the lexicon (app.bsky.feed.defs#postView) and pick out what we keep. */
function readPostView(body: unknown, uri: string, did: string): Canonical | null {
  if (!isRecord(body) || !Array.isArray(body.posts)) return null;
  const view: unknown = body.posts.find((p) => isRecord(p) && p.uri === uri);
  if (!isRecord(view) || !isRecord(view.author) || view.author.did !== did) return null;
  const record = view.record;
  if (!isRecord(record) || record.$type !== 'app.bsky.feed.post' || typeof record.text !== 'string') return null;
  if (typeof record.createdAt !== 'string' || Number.isNaN(Date.parse(record.createdAt))) return null;
  const media = embedMedia(view.embed);
  if (!media) return null;
  return { text: record.text, createdAt: new Date(record.createdAt).toISOString(), media };
}

/** The post's own media from its embed view; a quoted post's media is not the author's. Null on bad shape. */
function embedMedia(embed: unknown): string[] | null {
  if (embed === undefined) return [];
  if (!isRecord(embed)) return null;
  switch (embed.$type) {
    case 'app.bsky.embed.images#view': {
      const images = embed.images;
      if (!Array.isArray(images)) return null;
      const urls = images.map((im: unknown) => (isRecord(im) ? im.fullsize : null));
      return urls.every(isHttpsUrl) ? urls : null;
    }
    case 'app.bsky.embed.video#view':
      return isHttpsUrl(embed.thumbnail) ? [embed.thumbnail] : embed.thumbnail === undefined ? [] : null;
    case 'app.bsky.embed.recordWithMedia#view':
      return embedMedia(embed.media);
    default:
      return []; // record (quote), external link card, or a type we do not know: no media of the post's own
  }
}

function isHttpsUrl(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
