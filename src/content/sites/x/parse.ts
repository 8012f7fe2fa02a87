import { cssString, type ParsedPost, type PostIdentity, type SiteUser } from '../../site-adapter';
import { AD_LABELS, CARD_OR_POST, IMPRESSION_PIXEL_SUFFIX, SEL } from './selectors';

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const STATUS_PATH = /^\/(?:([A-Za-z0-9_]{1,15})|i\/web)\/status\/(\d{1,25})(?:\/|$)/;
const X_HOSTS = new Set(['x.com', 'twitter.com', 'www.x.com', 'www.twitter.com', 'mobile.x.com', 'mobile.twitter.com']);
/** One-segment paths that are site sections, not accounts. */
const RESERVED = new Set(['i', 'home', 'explore', 'notifications', 'messages', 'search', 'settings', 'compose', 'hashtag']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Reads one `article[data-testid="tweet"]`: the outer post only, never the quoted post inside it.
 * Returns null when the element is not a complete post (no author or no status id). Never throws.
 * Reads only attributes and text (no innerText, no geometry), so it forces no layout.
 * @example parseXPost(document.querySelector('article[data-testid="tweet"]')!, new URL(location.href))
 */
export function parseXPost(el: Element, loc: URL): ParsedPost | null {
  try {
    const c = core(el, loc, false);
    if (!c) return null;
    const textEl = outerElement(el, SEL.text);
    return {
      postId: c.postId,
      url: `https://x.com/${c.handle ?? c.author}/status/${c.postId}`,
      author: c.author,
      createdAt: c.time ? isoOrNull(c.time.getAttribute('datetime')) : null,
      text: textEl ? textOf(textEl) : '',
      media: mediaOf(el),
      truncated: outerElement(el, SEL.showMore) !== null,
      promoted: c.promoted,
    };
  } catch {
    return null;
  }
}

/**
 * For a post of `user`'s, what `parseXPost` gives for its id, author (perhaps in other case) and promoted flag,
 * without reading its text, media and time: enough to show a control; the rest is read when the user clicks it.
 * Null for a post that is not the user's (its outer author line does not link to them) and exactly when
 * `parseXPost` gives null. Never throws.
 */
export function identifyXPost(el: Element, loc: URL, user: SiteUser): PostIdentity | null {
  try {
    const quick = commonOwnPost(el, loc, user);
    if (quick !== undefined) return quick;
    const line = outerElement(el, SEL.userName);
    if (!line || line.querySelector(linkTo(user.handle)) === null) return null;
    const c = core(el, loc, true, line);
    return c && { postId: c.postId, author: c.author, promoted: c.promoted };
  } catch {
    return null;
  }
}

/**
 * The look at a post that settles the common cases in eight DOM calls (each costs a content script a
 * microsecond or more): the outer author line does not link to the user (null), or it does and its time links
 * to `/<handle>/status/<id>` of that same handle, in a post that is no ad's and inside no other post (the user's
 * post). Anything else (undefined) is left to the full reading, `core`. (Selectors with `:has()` would take fewer
 * calls, but each such query costs more than the calls it saves.)
 */
function commonOwnPost(el: Element, loc: URL, user: SiteUser): PostIdentity | null | undefined {
  const line = el.querySelector(SEL.userName); // the outer post's comes first, but a quoted post's may
  if (!line || line.closest(CARD_OR_POST) !== el) return undefined;
  if (line.querySelector(linkTo(user.handle)) === null) return null;
  const status = statusOf(line.querySelector(TIME_LINK)?.getAttribute('href') ?? null, loc);
  const handle = user.handle.toLowerCase();
  if (status?.handle?.toLowerCase() !== handle) return undefined;
  // Up to the post's cell (or the top): another post around it, or an ad's placementTracking box, is for `core`.
  const around = el.parentElement?.closest(AROUND);
  if (around && around.getAttribute('data-testid') !== CELL_TESTID) return undefined;
  return { postId: status.id, author: handle, promoted: false };
}
const TIME_LINK = `a[href*="/status/"]:has(> ${SEL.time})`;
const AROUND = `${SEL.post}, ${SEL.placementTracking}, ${SEL.cell}`;
const CELL_TESTID = 'cellInnerDiv';

/** The logged-in account from the left nav's profile link, else the account switcher's `@handle`. */
export function currentXUser(doc: Document): SiteUser | null {
  try {
    // Asked once per batch of posts: the link found last time answers while it is still in the page unchanged,
    // instead of a search of the whole document (tens of thousands of elements on a long timeline).
    if (lastUser && lastUser.link.ownerDocument === doc && lastUser.link.isConnected && lastUser.link.getAttribute('href') === lastUser.href) {
      return lastUser.user;
    }
    lastUser = null;
    const base = doc.URL.startsWith('http') ? doc.URL : 'https://x.com/';
    const link = doc.querySelector(SEL.profileLink);
    const href = link?.getAttribute('href');
    const fromLink = href ? handleFromHref(href, base) : null;
    if (link && href && fromLink) {
      lastUser = { link, href, user: { handle: fromLink } };
      return lastUser.user;
    }
    const switcher = doc.querySelector(SEL.accountSwitcher);
    const handles = switcher ? atHandles(switcher) : [];
    // The display name comes first and may itself look like "@someone"; the handle is last.
    const last = handles[handles.length - 1];
    return last ? { handle: last } : null;
  } catch {
    return null;
  }
}
let lastUser: { link: Element; href: string; user: SiteUser } | null = null;

/** First element matching `selector` inside `post` that is not part of a quoted post. */
export function outerElement(post: Element, selector: string): Element | null {
  const first = post.querySelector(selector); // the outer post's parts come before its quoted post's
  if (!first || !inQuote(first, post)) return first;
  for (const e of post.querySelectorAll(selector)) if (!inQuote(e, post)) return e;
  return null;
}

interface Core extends PostIdentity {
  /** The handle the status link names, where it names one. */
  handle: string | null;
  /** The post's own `time`, when its link is the permalink. */
  time: Element | null;
}

// Each part is looked up with its own query, which stops at the first match: the outer post's parts come
// before its quoted post's. One query with all the selectors costs more than all of them apart.
function core(el: Element, loc: URL, anyCase: boolean, knownLine?: Element): Core | null {
  if (!el.matches(OUTER_POST)) return null; // outer posts only
  const line = knownLine ?? outerElement(el, SEL.userName);
  const author = line && authorOf(line, loc, anyCase);
  if (!author) return null;
  // X prints the time in the author line (a small subtree, outside any quoted post); elsewhere, the first outer one.
  const inLine = line?.querySelector(SEL.time);
  const time = inLine ?? outerElement(el, SEL.time);
  // X wraps the time in its link: a link right around a time of the author line is inside the post.
  const parent = inLine?.parentElement;
  const timeLink = parent?.tagName === 'A' && parent !== line ? parent : time?.closest('a');
  let status = timeLink && (timeLink === parent || el.contains(timeLink)) ? statusOf(timeLink.getAttribute('href'), loc) : null;
  const hasTime = status !== null;
  const promoted = isPromoted(el, hasTime);
  // Ads print "Ad" where the time goes; their own status link (e.g. analytics) still names the post.
  if (!status && promoted) status = firstStatus(el, loc);
  if (!status) return null;
  return { postId: status.id, handle: status.handle, author, promoted, time: hasTime ? time : null };
}

const OUTER_POST = `${SEL.post}:not(${SEL.post} *)`;

/**
 * Whether `node` sits inside a quoted-post card of `post`: a card ancestor of it inside the post. Looks up
 * only as far as the nearest post or card, not to the top of the page.
 */
function inQuote(node: Element, post: Element): boolean {
  let c = node.closest(CARD_OR_POST);
  if (c === node) c = node.parentElement?.closest(CARD_OR_POST) ?? null;
  while (c && c !== post && !c.matches(SEL.quoteCard)) c = c.parentElement?.closest(CARD_OR_POST) ?? null; // a post inside the post
  return !!c && c !== post && post.contains(c);
}

/**
 * The handle that the author line both prints as `@handle` and links to; a display name cannot fake it.
 * `anyCase`: the same handle, perhaps in other case; a line that links to one handle only gives that one,
 * without reading the text (the commonest line, and its text nodes are most of the work).
 */
function authorOf(line: Element, loc: URL, anyCase: boolean): string | null {
  const linked = new Set<string>();
  for (const a of line.querySelectorAll('a[href]')) {
    const h = handleFromHref(a.getAttribute('href') ?? '', loc.href);
    if (h) linked.add(h.toLowerCase());
  }
  if (anyCase && linked.size === 1) return [...linked][0]!;
  const printed = atHandles(line);
  if (linked.size === 0) return printed.length === 1 ? printed[0]! : null;
  const match = printed.find((h) => linked.has(h.toLowerCase()));
  if (match) return match;
  return linked.size === 1 ? [...linked][0]! : null;
}

/**
 * A link to the account's page, `/<handle>` in any case: the selector the adapter's own mark uses too. Built once
 * per handle rather than once per post (the page keeps a parsed copy of each selector string it is given).
 */
export function linkTo(handle: string): string {
  if (handleLink?.handle !== handle) handleLink = { handle, selector: `a[href=${cssString(`/${handle}`)} i]` };
  return handleLink.selector;
}
let handleLink: { handle: string; selector: string } | null = null;

/** Every text node of `root` that reads exactly `@handle`, in document order, without the '@'. */
function atHandles(root: Element): string[] {
  const out: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = (n.nodeValue ?? '').trim();
    if (t.startsWith('@') && HANDLE.test(t.slice(1))) out.push(t.slice(1));
  }
  return out;
}

/** The path of an X link, or null for a link elsewhere. X writes its own links as plain root-relative paths:
 * those are read without building a URL object (the commonest case, and URL parsing showed up in profiles). */
function xPath(href: string, base: string): string | null {
  if (href.startsWith('/') && !href.startsWith('//') && !href.includes('\\') && !href.includes('%') && !href.includes('/.')) {
    const end = href.search(/[?#]/);
    return end === -1 ? href : href.slice(0, end);
  }
  try {
    const u = new URL(href, base);
    return X_HOSTS.has(u.hostname) ? u.pathname : null;
  } catch {
    return null;
  }
}

function handleFromHref(href: string, base: string): string | null {
  const path = xPath(href, base);
  const parts = path ? path.split('/').filter(Boolean) : [];
  const h = parts.length === 1 ? parts[0]! : '';
  return HANDLE.test(h) && !RESERVED.has(h.toLowerCase()) ? h : null;
}

interface Status {
  id: string;
  handle: string | null;
}

/** The commonest status link, `/<handle>/status/<id>` exactly: read as STATUS_PATH reads it, in one step. */
const PLAIN_STATUS = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,25})$/;

function statusOf(href: string | null, loc: URL): Status | null {
  const plain = href ? PLAIN_STATUS.exec(href) : null;
  if (plain) return { id: plain[2]!, handle: plain[1]! };
  const path = href ? xPath(href, loc.href) : null;
  const m = path ? STATUS_PATH.exec(path) : null;
  return m ? { id: m[2]!, handle: m[1] ?? null } : null;
}

function firstStatus(post: Element, loc: URL): Status | null {
  for (const a of post.querySelectorAll(SEL.statusLink)) {
    const s = inQuote(a, post) ? null : statusOf(a.getAttribute('href'), loc);
    if (s) return s;
  }
  return null;
}

function isoOrNull(value: string | null): string | null {
  const t = value ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * X's ads sit in a placementTracking box whose first children are impression pixels; that look, up the tree, is
 * cheap and made for every post. Every ad X shows prints "Ad" where a post's time goes, so the other signs (pixels
 * or click-id links inside the post, the label), each a search of the whole post, are looked for only in a post
 * without a time link: about a sixth of an own post's cost otherwise, and never the answer.
 */
function isPromoted(post: Element, hasTime: boolean): boolean {
  const box = post.closest(SEL.placementTracking);
  if (box) {
    for (const c of box.children) if (c.getAttribute('data-testid')?.endsWith(IMPRESSION_PIXEL_SUFFIX)) return true;
  }
  if (hasTime) return false;
  // (Two single-selector queries: one query with both selectors costs more than both apart.)
  if (post.querySelector(SEL.impressionPixel)) return true;
  if (outerElement(post, SEL.adClickId)) return true;
  return hasAdLabel(post);
}

/** An "Ad" label outside the text, the author line and the quoted post. Only asked when there is no time. */
function hasAdLabel(post: Element): boolean {
  for (const s of post.querySelectorAll('span')) {
    if (s.childElementCount > 0 || !AD_LABELS.includes((s.textContent ?? '').trim())) continue;
    if (!s.closest(SEL.text) && !s.closest(SEL.userName) && !inQuote(s, post)) return true;
  }
  return false;
}

/**
 * The text as a reader copies it: emoji images become their `alt`, line breaks stay, mentions and
 * hashtags as shown. A shortened link keeps the parts X hides visually but includes for copying
 * (the "https://" prefix and the cut-off tail), and drops the "…" X draws after a cut-off link, so the
 * text holds the real URL and is the same wherever the post is shown.
 */
function textOf(root: Element): string {
  const out: string[] = [];
  appendText(root, out);
  return out.join('');
}

function appendText(node: Element, out: string[]): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE) out.push(c.nodeValue ?? '');
    else if (c.nodeType !== ELEMENT_NODE) continue;
    else if ((c as Element).tagName === 'IMG') out.push((c as Element).getAttribute('alt') ?? '');
    else if ((c as Element).tagName === 'BR') out.push('\n');
    else if ((c as Element).tagName === 'A') out.push(linkText(c as Element));
    else appendText(c as Element, out);
  }
}

function linkText(a: Element): string {
  const parts: string[] = [];
  appendText(a, parts);
  const text = parts.join('');
  const shortened = /^https?:\/\/t\.co\//.test(a.getAttribute('href') ?? '');
  return shortened && text.endsWith('…') ? text.slice(0, -1) : text;
}

function mediaOf(post: Element): string[] {
  const out: string[] = [];
  for (const e of post.querySelectorAll(`${SEL.photo}, ${SEL.videoPoster}`)) {
    if (inQuote(e, post)) continue;
    const url = canonicalMedia(e.getAttribute(e.tagName === 'VIDEO' ? 'poster' : 'src'));
    if (url && !out.includes(url)) out.push(url);
  }
  return out;
}

/** pbs.twimg.com URL without the `name=` size variant (keeps `format=`); anything else is dropped. */
function canonicalMedia(src: string | null): string | null {
  try {
    const u = new URL(src ?? '');
    if (u.protocol !== 'https:' || !u.hostname.endsWith('twimg.com')) return null;
    u.searchParams.delete('name');
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}
