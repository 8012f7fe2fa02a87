import { isValidHandle, isValidPostId, permalink } from '../../../core/permalink';
import type { Identified, ParsedPost, SiteUser } from '../../site-adapter';
import * as S from './selectors';

/** Elements under `root` matching `selector`, minus those inside a quoted post card. */
export function ownElements(root: Element, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((n) => {
    const card = n.closest(S.QUOTE_CARD);
    return card === null || card === root || !root.contains(card);
  });
}

/**
 * Read one bsky.app post item (feed or thread). Null when it is not a complete post or the markup is
 * not what we know; never throws.
 *
 * @example parseBlueskyPost(document.querySelector('[data-testid^="feedItem-by-"]')!, new URL(location.href))
 */
export function parseBlueskyPost(el: Element, loc: URL): ParsedPost | null {
  try {
    return parsePost(el, loc);
  } catch {
    return null;
  }
}

function parsePost(el: Element, loc: URL): ParsedPost | null {
  const handle = S.POST_TESTID.exec(el.getAttribute('data-testid') ?? '')?.[1];
  if (!handle || !isUsableHandle(handle)) return null;

  const link = findPermalink(el, handle);
  const postId = link?.rkey ?? focalPostId(el, handle, loc);
  if (!postId || !isValidPostId('bluesky', postId)) return null;

  const textEl = ownElements(el, S.POST_TEXT)[0] ?? ownElements(el, S.RICH_TEXT)[0];
  return {
    postId,
    url: permalink('bluesky', handle, postId),
    author: handle,
    createdAt: link ? dateFromLabel(link.anchor) : null,
    text: textEl?.textContent ?? '',
    media: ownMedia(el),
    promoted: false, // Bluesky has no ads or promoted items
  };
}

/**
 * For a post of `user`'s, what `parseBlueskyPost` gives for its id, author and promoted flag, without reading its
 * text, media and time: enough to show a control; the rest is read when the user clicks it. Null for an item whose
 * testid names someone else, and exactly when `parseBlueskyPost` gives null. Never throws.
 *
 * The common case takes five DOM calls: the testid, the item's first link to a post, where that link sits (the
 * nearest quoted card, text or post around it must be the item itself), its href, and its parent (the header line,
 * where the control goes: `mountAt`). Anything else (a first post link in the text or a quoted card, another
 * author's, none: a post's own page) goes to the full reading, and the control to the item's controls row.
 */
export function identifyBlueskyPost(el: Element, loc: URL, user: SiteUser): Identified | null {
  try {
    const handle = S.POST_TESTID.exec(el.getAttribute('data-testid') ?? '')?.[1];
    if (!handle || handle.toLowerCase() !== user.handle.toLowerCase()) return null;
    // Every link the full reading can take for a permalink holds "/post/" (postPath): the first of them is the
    // first it could take.
    const first = el.querySelector(POST_LINK);
    if (first && first.closest(OWN_SCOPE) === el) {
      const p = postPath(first.getAttribute('href'));
      if (p && p.actor.toLowerCase() === handle.toLowerCase() && isValidPostId('bluesky', p.rkey) && isUsableHandle(handle)) {
        // The control goes next to the time link, in the post's own header: a place found on the way (the controls
        // row has no mark of its own, and looking for it cost a fifth of the content script's time per own post).
        return { postId: p.rkey, author: handle, promoted: false, mountAt: first.parentElement ?? el };
      }
    }
    const full = parsePost(el, loc);
    return full && { postId: full.postId, author: full.author, promoted: full.promoted };
  } catch {
    return null;
  }
}
const POST_LINK = 'a[href*="/post/"]';
/** The nearest of these around a link says whose it is: a quoted post's card, the text, or the item. */
const OWN_SCOPE = `${S.QUOTE_CARD}, ${S.POST_TEXT}, ${S.RICH_TEXT}, ${S.POST_SELECTOR}`;

const PLAIN_POST_PATH = /^\/profile\/([A-Za-z0-9._:~-]+)\/post\/([A-Za-z0-9._:~-]+)\/?$/;
const DOTS = /^\.\.?$/;
const ODD_HREF = /[\\\t\n\r]/;

/** A handle as Bluesky writes it, and not the placeholder it shows for an account whose handle does not resolve. */
function isUsableHandle(handle: string): boolean {
  return isValidHandle('bluesky', handle) && handle.toLowerCase() !== 'handle.invalid';
}

interface PostPath {
  actor: string;
  rkey: string;
}

function postPath(href: string | null): PostPath | null {
  // A backslash, tab or line break is read by URL parsing as a slash or not at all: an address that reads other
  // than it is written is no link of the web app's, and not taken for a post (so a post path holds "/post/").
  if (!href || ODD_HREF.test(href)) return null;
  // The web app writes its own links as plain paths, which read the same without a URL object (a tenth of
  // identifying a post): only characters URL parsing leaves alone, and no "." or ".." segment.
  const plain = PLAIN_POST_PATH.exec(href);
  if (plain?.[1] && plain[2] && !DOTS.test(plain[1]) && !DOTS.test(plain[2])) return { actor: plain[1], rkey: plain[2] };
  const u = new URL(href, 'https://bsky.app');
  if (u.origin !== 'https://bsky.app') return null;
  const m = S.PERMALINK_PATH.exec(u.pathname);
  return m?.[1] && m[2] ? { actor: decodeURIComponent(m[1]), rkey: decodeURIComponent(m[2]) } : null;
}

/**
 * The item's own permalink: the timestamp link. Links inside the text or a quote card are someone else's
 * business, and the link must name the item's author (by handle, or by a DID its profile links also use).
 */
function findPermalink(el: Element, handle: string): (PostPath & { anchor: Element }) | null {
  const anchors = ownElements(el, S.LINK).filter((a) => !a.closest(`${S.POST_TEXT}, ${S.RICH_TEXT}`));
  for (const anchor of anchors) {
    const p = postPath(anchor.getAttribute('href'));
    if (!p) continue;
    const byHandle = p.actor.toLowerCase() === handle.toLowerCase();
    const byDid = p.actor.startsWith('did:') && anchors.some((a) => a.getAttribute('href') === `/profile/${p.actor}`);
    if (byHandle || byDid) return { ...p, anchor };
  }
  return null;
}

/** A post's own page: the focal item (a plain view, not a link) has no permalink; the URL names it. */
function focalPostId(el: Element, handle: string, loc: URL): string | null {
  if (!el.getAttribute('data-testid')?.startsWith('postThreadItem-by-') || el.matches('[role="link"]')) return null;
  const p = postPath(loc.href);
  if (!p) return null;
  return p.actor.toLowerCase() === handle.toLowerCase() || p.actor.startsWith('did:') ? p.rkey : null;
}

function ownMedia(el: Element): string[] {
  const urls: string[] = [];
  for (const img of ownElements(el, S.FEED_IMAGE)) {
    if (img.closest(S.EXTERNAL_LINK)) continue; // link-card thumbnail
    urls.push((img.getAttribute('src') ?? '').replace('/img/feed_thumbnail/', '/img/feed_fullsize/'));
  }
  const posters = ownElements(el, S.VIDEO_POSTER).map((v) => v.getAttribute('poster') ?? '');
  const backgrounds = ownElements(el, S.VIDEO_BACKGROUND).map((n) => S.VIDEO_THUMB_IN_STYLE.exec(n.getAttribute('style') ?? '')?.[1] ?? '');
  urls.push(...(posters.length ? posters : backgrounds));
  return [...new Set(urls.filter(isHttpsUrl))];
}

function isHttpsUrl(s: string): boolean {
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const US_DATE = /^([a-z]+) (\d{1,2}), (\d{4})(?:,| at) (\d{1,2}):(\d{2}) ?([ap])\.?m\.?$/; // May 14, 2025 at 9:41 AM
const GB_DATE = /^(\d{1,2}) ([a-z]+) (\d{4})(?:,| at) (\d{1,2}):(\d{2})$/; // 14 May 2025 at 09:41

/**
 * The timestamp link is labelled with niceDate(): the post's time to the minute, in the browser's own time
 * zone and locale. English forms are read (as local time, which is what the page rendered); others give null.
 */
function dateFromLabel(anchor: Element): string | null {
  for (const attr of S.TIMESTAMP_LABEL_ATTRS) {
    const label = anchor.getAttribute(attr)?.replace(/\s+/g, ' ').trim().toLowerCase();
    if (!label) continue;
    const us = US_DATE.exec(label);
    const gb = GB_DATE.exec(label);
    const [month, day, year, hour, minute] = us ? [us[1], us[2], us[3], us[4], us[5]] : gb ? [gb[2], gb[1], gb[3], gb[4], gb[5]] : [];
    const m = MONTHS.indexOf(month ?? '');
    if (m < 0) continue;
    let h = Number(hour);
    if (us) {
      if (h < 1 || h > 12) continue;
      h = (h % 12) + (us[6] === 'p' ? 12 : 0);
    }
    const d = new Date(Number(year), m, Number(day), h, Number(minute));
    if (d.getMonth() !== m || d.getDate() !== Number(day) || d.getHours() !== h || Number(minute) > 59) continue;
    return d.toISOString();
  }
  return null;
}

// ---- who is logged in ---------------------------------------------------------------------------

const DID = /^did:[a-z]+:[A-Za-z0-9._:%-]{1,2048}$/;

let memo: { v1: number | null; legacy: number | null; user: SiteUser | null } | null = null;

/**
 * The logged-in account from the web app's own storage: `BSKY_SESSION_STORAGE_V1` ({accounts, currentDid})
 * when that store exists (it is then authoritative), else `BSKY_STORAGE` (session.currentAccount.did, handle
 * from session.accounts). Reads only `did` and `handle`; tokens are never copied. Memoised on a hash of the
 * raw strings, so repeated calls do not re-parse and the token-bearing strings are not kept.
 *
 * @example currentBlueskyUser(window.localStorage) // { handle: 'alice.bsky.social', id: 'did:plc:…' } or null
 */
export function currentBlueskyUser(storage: Pick<Storage, 'getItem'>): SiteUser | null {
  let v1Raw: string | null;
  let legacyRaw: string | null;
  try {
    v1Raw = storage.getItem(S.SESSION_STORAGE_KEY);
    // Where the newer store exists the older one is not read at all: it holds much more (all persisted state).
    legacyRaw = v1Raw === null ? storage.getItem(S.LEGACY_STORAGE_KEY) : null;
  } catch {
    return null;
  }
  const v1 = v1Raw === null ? null : hash(v1Raw);
  const legacy = legacyRaw === null ? null : hash(legacyRaw);
  if (memo && memo.v1 === v1 && memo.legacy === legacy) return memo.user;
  const user = v1Raw !== null ? fromSnapshot(parseJson(v1Raw)) : fromLegacy(parseJson(legacyRaw));
  memo = { v1, legacy, user };
  return user;
}

function fromSnapshot(snapshot: unknown): SiteUser | null {
  if (!isRecord(snapshot) || !Array.isArray(snapshot.accounts)) return null;
  const did = snapshot.currentDid;
  return typeof did === 'string' ? userFrom(accountHandle(snapshot.accounts, did), did) : null;
}

function fromLegacy(persisted: unknown): SiteUser | null {
  const session = isRecord(persisted) ? persisted.session : null;
  if (!isRecord(session) || !isRecord(session.currentAccount)) return null;
  const did = session.currentAccount.did;
  if (typeof did !== 'string') return null;
  // Older versions kept the handle on currentAccount itself; accounts[] is the truth when it has the DID.
  const own = session.currentAccount.handle;
  return userFrom(accountHandle(session.accounts, did) ?? (typeof own === 'string' ? own : null), did);
}

function accountHandle(accounts: unknown, did: string): string | null {
  if (!Array.isArray(accounts)) return null;
  const account: unknown = accounts.find((a) => isRecord(a) && a.did === did);
  return isRecord(account) && typeof account.handle === 'string' ? account.handle : null;
}

function userFrom(handle: string | null, did: string): SiteUser | null {
  if (!handle || !DID.test(did) || !isUsableHandle(handle)) return null;
  return Object.freeze({ handle, id: did });
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** cyrb53: a fast 53-bit string hash, enough to tell one stored session string from another. */
function hash(s: string): number {
  let h1 = 0xdeadbeef ^ s.length;
  let h2 = 0x41c6ce57 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
