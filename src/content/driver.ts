import type { ConsentState } from '../core/consent';
import { permalink } from '../core/permalink';
import type { PostReport } from '../core/post';
import { getSettings, postIndexItem, postKey, settingsItem, watchPostRecords } from '../ext/items';
import { parsePostIndex } from '../ext/post-index';
import { send } from '../ext/messages';
import { createLicenseControl, type LicenseControl } from './license-control';
import { isOwnPost, type Identified, type ParsedPost, type SiteAdapter, type SiteUser } from './site-adapter';

interface Mounted {
  control: LicenseControl;
  postId: string;
  key: string;
}

/**
 * Watches the page, asks the site adapter which posts are the user's own, and keeps exactly one licence
 * control on each, showing the stored state. Cheap by design: work is proportional to what the page adds.
 */
export function startDriver(adapter: SiteAdapter, signal?: AbortSignal): void {
  const mounted = new WeakMap<Element, Mounted>();
  const byKey = new Map<string, Set<Element>>(); // post key → elements showing it (timeline + thread)
  // Every stored state of this site's posts, read once from the post index, then kept in step by the storage
  // watch: no storage call per batch of posts (each one costs about half a millisecond of main thread).
  const states = new Map<string, ConsentState | undefined>();
  let statesLoaded = false;
  const busy = new Set<string>();
  const errors = new Map<string, string>();
  let user: SiteUser | null = null;
  let observer: MutationObserver | null = null;

  const render = (key: string) => {
    for (const el of byKey.get(key) ?? [])
      mounted.get(el)?.control.render(states.get(key), busy.has(key) || !statesLoaded, errors.get(key));
  };

  const forget = (el: Element, m: Mounted) => {
    const set = byKey.get(m.key);
    set?.delete(el);
    if (set && set.size === 0) byKey.delete(m.key);
  };

  const unmount = (el: Element) => {
    const m = mounted.get(el);
    if (!m) return;
    m.control.host.remove();
    mounted.delete(el);
    forget(el, m);
  };

  // Posts the page took out with a control in them. The page mostly throws them away, so the control is left
  // in place (taking it out costs more than the rest of the unmounting); it shows again, up to date, if the page
  // puts the post back, and is taken out when the site is switched off. Held weakly: the page decides their life.
  let parked = new Set<WeakRef<Element>>();
  let parkLimit = 1024;
  const park = (el: Element, m: Mounted) => {
    forget(el, m);
    parked.add(new WeakRef(el));
    if (parked.size > parkLimit) {
      for (const ref of parked) if (!ref.deref()) parked.delete(ref);
      parkLimit = Math.max(1024, parked.size * 2);
    }
  };

  const unmountAll = () => {
    for (const set of [...byKey.values()]) for (const el of [...set]) unmount(el);
    for (const ref of parked) {
      const el = ref.deref();
      if (el) unmount(el);
    }
    parked = new Set();
  };

  const toggle = async (el: Element) => {
    const m = mounted.get(el);
    if (!m || !user || busy.has(m.key)) return;
    const optIn = states.get(m.key) !== 'in';
    busy.add(m.key);
    errors.delete(m.key);
    render(m.key);
    try {
      // Read in full now, as the post is shown when the user clicks (mounting the control needed only its id).
      const seen = adapter.parse(el, pageUrl());
      if (!seen || seen.postId !== m.postId || !isOwnPost(seen, user)) throw new Error('This post changed on the page. Try again.');
      const post = optIn && adapter.enrich ? await adapter.enrich(seen, user) : seen;
      const res = await send('post.consent', { report: toReport(adapter, post), optIn });
      states.set(m.key, res.state);
    } catch (e) {
      errors.set(m.key, e instanceof Error ? e.message : String(e));
    } finally {
      busy.delete(m.key);
      render(m.key);
    }
  };

  const loadStates = async () => {
    const prefix = postKey(adapter.platform, '');
    for (const e of parsePostIndex(await postIndexItem.get()).values()) if (e.key.startsWith(prefix) && !states.has(e.key)) states.set(e.key, e.state);
    statesLoaded = true;
    for (const key of byKey.keys()) render(key);
  };

  /** Bring the controls of these post elements up to date. */
  const process = (elements: Iterable<Element>) => {
    const current = adapter.currentUser(document);
    if (!current) return;
    if (!user || current.handle.toLowerCase() !== user.handle.toLowerCase()) {
      unmountAll(); // first sight of the user, or an account switch: look at every post again
      user = current;
      elements = document.querySelectorAll(adapter.postSelector);
    }
    const loc = pageUrl();
    const identify: (el: Element, loc: URL, user: SiteUser) => Identified | null = adapter.identify ?? adapter.parse;
    const places: Element[] = []; // where each new control goes, then the control: put in after every post is read
    for (const el of elements) {
      if (!el.isConnected) continue;
      const m = mounted.get(el);
      const post = identify(el, loc, user);
      if (!post || !isOwnPost(post, user)) {
        if (m) unmount(el);
        continue;
      }
      const key = postKey(adapter.platform, post.postId);
      let set = byKey.get(key);
      if (m && m.key === key && m.control.host.isConnected && el.contains(m.control.host)) {
        if (!set) byKey.set(key, (set = new Set()));
        set.add(el); // back in the page after a while out of it
        m.control.render(states.get(key), busy.has(key) || !statesLoaded, errors.get(key));
        continue;
      }
      if (m) unmount(el);
      const control = createLicenseControl(post.postId, () => void toggle(el));
      mounted.set(el, { control, postId: post.postId, key });
      if (!set) byKey.set(key, (set = new Set()));
      set.add(el);
      control.render(states.get(key), busy.has(key) || !statesLoaded, errors.get(key));
      places.push(post.mountAt ?? adapter.mountPoint(el), control.host);
    }
    if (places.length) insert(places);
  };

  // The new controls go in together, after the batch's posts are read (reading the page between writes to it
  // costs more), with the observer off: it would only be told of our own insertions.
  const insert = (places: Element[]) => {
    observer?.disconnect();
    for (let i = 0; i < places.length; i += 2) places[i]!.append(places[i + 1]!);
    observer?.observe(document.documentElement, OBSERVED);
  };

  // What every own post of the user holds (or is): an added subtree without it is skipped. Our controls are not
  // looked for with it: they sit only in posts that were the user's, and a post the page puts back as it was still
  // carries its mark. (A query with one selector costs about half what it costs with two, on every added subtree.
  // A post rewritten while out of the page would keep its control until clicked; the click re-reads it and refuses.)
  let markUser: SiteUser | null = null;
  let markSelector: string | null = null;
  const ownMark = (): string | null => {
    if (!adapter.ownMark || !user) return null;
    if (markUser !== user) {
      markUser = user;
      markSelector = adapter.ownMark(user);
    }
    return markSelector;
  };

  let changesSinceSweep = 0;
  const onMutations = (mutations: MutationRecord[]) => {
    const touched = new Set<Element>();
    const targets = new Set<Node>(); // a list's children come and go in many records of one target
    const mark = ownMark();
    let skipped = false;
    changesSinceSweep += mutations.length;
    for (const mu of mutations) {
      // (Each property read of a record costs a call into the page: a list's removals come one record each.)
      const added = mu.addedNodes;
      const count = added.length;
      const parent = mu.target;
      if (!targets.has(parent)) {
        targets.add(parent);
        const target = parent instanceof Element ? parent : parent.parentElement;
        const around = target?.closest(adapter.postSelector);
        if (around) touched.add(around);
      }
      for (let i = 0; i < count; i++) {
        const node = added[i]; // (indexed: iterating a NodeList costs more)
        if (!(node instanceof Element)) continue;
        if (mark && adapter.ownMarkIsPost) {
          // The mark is the user's posts themselves: one query finds everything to look at. A row of a list, holding
          // one post and nothing else, is settled by a query that stops at that post: marked posts hold no marked
          // posts, so nothing else in the row can be one. (A search of the whole row costs about four times as
          // much in the content script's world: 2.3 against 0.6 µs a row on Bluesky's markup.)
          const first = node.querySelector(mark);
          const hits = first === null ? NO_HITS : first.parentElement === node && first.nextElementSibling === null ? [first] : node.querySelectorAll(mark);
          const n = hits.length;
          if (n === 0 && !node.matches(mark)) {
            skipped = true;
            continue;
          }
          for (let j = 0; j < n; j++) {
            const post = hits[j]!.closest(adapter.postSelector);
            if (post) touched.add(post);
          }
          const self = n === 0 ? node.closest(adapter.postSelector) : null; // the node itself is marked
          if (self) touched.add(self);
          continue;
        }
        if (mark && node.querySelector(mark) === null && !node.matches(mark)) {
          skipped = true; // no post of the user's in it: nothing to do there
          continue;
        }
        if (adapter.cellSelector && node.matches(adapter.cellSelector)) {
          const post = node.querySelector(adapter.postSelector); // one post at most in a cell
          if (post) touched.add(post);
          continue;
        }
        if (node.matches(adapter.postSelector)) touched.add(node);
        for (const el of node.querySelectorAll(adapter.postSelector)) touched.add(el);
      }
    }
    // Park the elements the page threw away (virtualised lists), so the maps hold about what is on screen. Looked
    // for once the page has made as many changes as there are posts with a control, not after each removal: an
    // element left in the maps a while costs nothing but a render of a control nobody sees.
    if (changesSinceSweep > Math.max(SWEEP_MIN, byKey.size)) {
      changesSinceSweep = 0;
      for (const set of [...byKey.values()]) {
        for (const el of [...set]) {
          const m = mounted.get(el);
          if (m && !el.isConnected) park(el, m);
        }
      }
    }
    // A batch whose posts were all skipped still checks the user: an account switch looks at every post again.
    if (touched.size || skipped) process(touched);
    // What is queued now are our own removals of controls, made in this call: nothing to look at.
    observer?.takeRecords();
  };

  const start = () => {
    if (observer) return;
    observer = new MutationObserver(onMutations);
    observer.observe(document.documentElement, OBSERVED);
    process(document.querySelectorAll(adapter.postSelector));
  };

  const stop = () => {
    observer?.disconnect();
    observer = null;
    unmountAll();
    user = null;
  };

  const unwatchPosts = watchPostRecords((key, rec) => {
    if (!key.startsWith(postKey(adapter.platform, ''))) return;
    states.set(key, rec?.consent.state);
    render(key);
  });
  void loadStates();
  const unwatchSettings = settingsItem.watch((s) => (s.sites[adapter.platform]?.enabled !== false ? start() : stop()));
  signal?.addEventListener('abort', () => {
    stop();
    unwatchPosts();
    unwatchSettings();
  });

  void getSettings().then((s) => {
    if (s.sites[adapter.platform].enabled && !signal?.aborted) start();
  });
}

const NO_HITS: ArrayLike<Element> = [];

const OBSERVED: MutationObserverInit = { childList: true, subtree: true };

/** The fewest changes (mutation records) that make the driver look for posts the page threw away. */
const SWEEP_MIN = 32;

let lastHref = '';
let lastUrl: URL | null = null;
/** The page URL, parsed once per navigation rather than once per batch. */
function pageUrl(): URL {
  if (location.href !== lastHref || !lastUrl) {
    lastHref = location.href;
    lastUrl = new URL(lastHref);
  }
  return lastUrl;
}

function toReport(adapter: SiteAdapter, post: ParsedPost): PostReport {
  return {
    platform: adapter.platform,
    postId: post.postId,
    url: permalink(adapter.platform, post.author, post.postId),
    author: post.author,
    createdAt: post.createdAt,
    text: post.text,
    media: post.media,
    ...(post.truncated ? { truncated: true } : {}),
  };
}
