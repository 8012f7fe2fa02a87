import type { ParsedPost, SiteUser } from '../../site-adapter';
import { AD_LABELS, IMPRESSION_PIXEL_SUFFIX, SEL } from './selectors';

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
    quoteCache.delete(el);
    return parse(el, loc);
  } catch {
    return null;
  } finally {
    quoteCache.delete(el); // the page may change the post; look again next time
  }
}

/** The logged-in account from the left nav's profile link, else the account switcher's `@handle`. */
export function currentXUser(doc: Document): SiteUser | null {
  try {
    const base = doc.URL.startsWith('http') ? doc.URL : 'https://x.com/';
    const href = doc.querySelector(SEL.profileLink)?.getAttribute('href');
    const fromLink = href ? handleFromHref(href, base) : null;
    if (fromLink) return { handle: fromLink };
    const switcher = doc.querySelector(SEL.accountSwitcher);
    const handles = switcher ? atHandles(switcher) : [];
    // The display name comes first and may itself look like "@someone"; the handle is last.
    const last = handles[handles.length - 1];
    return last ? { handle: last } : null;
  } catch {
    return null;
  }
}

/** First element matching `selector` inside `post` that is not part of a quoted post. */
export function outerElement(post: Element, selector: string): Element | null {
  for (const e of post.querySelectorAll(selector)) if (!inQuote(e, post)) return e;
  return null;
}

function parse(el: Element, loc: URL): ParsedPost | null {
  if (!el.matches(SEL.post) || el.parentElement?.closest(SEL.post)) return null; // outer posts only
  const author = authorOf(el, loc);
  if (!author) return null;
  const time = outerElement(el, SEL.time);
  const timeLink = time?.closest('a');
  let status = timeLink && el.contains(timeLink) ? statusOf(timeLink.getAttribute('href'), loc) : null;
  const promoted = isPromoted(el, status !== null);
  // Ads print "Ad" where the time goes; their own status link (e.g. analytics) still names the post.
  if (!status && promoted) status = firstStatus(el, loc);
  if (!status) return null;
  const textEl = outerElement(el, SEL.text);
  return {
    postId: status.id,
    url: `https://x.com/${status.handle ?? author}/status/${status.id}`,
    author,
    createdAt: timeLink && time ? isoOrNull(time.getAttribute('datetime')) : null,
    text: textEl ? textOf(textEl) : '',
    media: mediaOf(el),
    truncated: outerElement(el, SEL.showMore) !== null,
    promoted,
  };
}

// The quoted-post cards of the post being read, found once per post: walking up from every element and
// matching each ancestor cost more than the whole rest of the parse.
const quoteCache = new WeakMap<Element, Element[]>();

function inQuote(node: Element, post: Element): boolean {
  let quotes = quoteCache.get(post);
  if (!quotes) {
    quotes = [...post.querySelectorAll(SEL.quoteCard)];
    quoteCache.set(post, quotes);
  }
  return quotes.length > 0 && quotes.some((q) => q !== node && q.contains(node));
}

/** The handle that the author line both prints as `@handle` and links to; a display name cannot fake it. */
function authorOf(post: Element, loc: URL): string | null {
  const line = outerElement(post, SEL.userName);
  if (!line) return null;
  const linked = new Set<string>();
  for (const a of line.querySelectorAll('a[href]')) {
    const h = handleFromHref(a.getAttribute('href') ?? '', loc.href);
    if (h) linked.add(h.toLowerCase());
  }
  const printed = atHandles(line);
  if (linked.size === 0) return printed.length === 1 ? printed[0]! : null;
  const match = printed.find((h) => linked.has(h.toLowerCase()));
  if (match) return match;
  return linked.size === 1 ? [...linked][0]! : null;
}

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

function statusOf(href: string | null, loc: URL): Status | null {
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

function isPromoted(post: Element, hasTime: boolean): boolean {
  if (post.querySelector(SEL.impressionPixel)) return true;
  const box = post.closest(SEL.placementTracking);
  if (box) {
    for (const c of box.children) if (c.getAttribute('data-testid')?.endsWith(IMPRESSION_PIXEL_SUFFIX)) return true;
  }
  if (outerElement(post, SEL.adClickId)) return true;
  return !hasTime && hasAdLabel(post);
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
