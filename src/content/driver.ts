import type { ConsentState } from '../core/consent';
import { permalink } from '../core/permalink';
import type { PostReport } from '../core/post';
import { getSettings, postIndexItem, postKey, settingsItem, watchPostRecords } from '../ext/items';
import { parsePostIndex } from '../ext/post-index';
import { send } from '../ext/messages';
import { CONTROL_ATTR, createLicenseControl, type LicenseControl } from './license-control';
import { isOwnPost, type ParsedPost, type SiteAdapter, type SiteUser } from './site-adapter';

interface Mounted {
  control: LicenseControl;
  post: ParsedPost;
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

  const unmount = (el: Element) => {
    const m = mounted.get(el);
    if (!m) return;
    m.control.host.remove();
    mounted.delete(el);
    const set = byKey.get(m.key);
    set?.delete(el);
    if (set && set.size === 0) byKey.delete(m.key);
  };

  const unmountAll = () => {
    for (const set of [...byKey.values()]) for (const el of [...set]) unmount(el);
  };

  const toggle = async (el: Element) => {
    const m = mounted.get(el);
    if (!m || !user || busy.has(m.key)) return;
    const optIn = states.get(m.key) !== 'in';
    busy.add(m.key);
    errors.delete(m.key);
    render(m.key);
    try {
      const post = optIn && adapter.enrich ? await adapter.enrich(m.post, user) : m.post;
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
    for (const el of elements) {
      if (!el.isConnected) continue;
      const m = mounted.get(el);
      if (adapter.mayBeOwn && !adapter.mayBeOwn(el, user)) {
        if (m) unmount(el);
        continue;
      }
      const post = adapter.parse(el, loc);
      if (!post || !isOwnPost(post, user)) {
        if (m) unmount(el);
        continue;
      }
      const key = postKey(adapter.platform, post.postId);
      if (m && m.key === key && m.control.host.isConnected && el.contains(m.control.host)) {
        m.post = post;
        continue;
      }
      if (m) unmount(el);
      const control = createLicenseControl(post.postId, () => void toggle(el));
      mounted.set(el, { control, post, key });
      let set = byKey.get(key);
      if (!set) byKey.set(key, (set = new Set()));
      set.add(el);
      control.render(states.get(key), busy.has(key) || !statesLoaded, errors.get(key));
      adapter.mountPoint(el).append(control.host);
    }
  };

  const onMutations = (mutations: MutationRecord[]) => {
    const touched = new Set<Element>();
    let removed = false;
    for (const mu of mutations) {
      if (isOwnMutation(mu)) continue;
      if (mu.removedNodes.length) removed = true;
      const target = mu.target instanceof Element ? mu.target : mu.target.parentElement;
      const around = target?.closest(adapter.postSelector);
      if (around) touched.add(around);
      for (const node of mu.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(adapter.postSelector)) touched.add(node);
        for (const el of node.querySelectorAll(adapter.postSelector)) touched.add(el);
      }
    }
    // Forget elements the page threw away (virtualised lists), so the maps hold only what is on screen.
    if (removed) for (const set of [...byKey.values()]) for (const el of [...set]) if (!el.isConnected) unmount(el);
    if (touched.size) process(touched);
  };

  const start = () => {
    if (observer) return;
    observer = new MutationObserver(onMutations);
    observer.observe(document.documentElement, { childList: true, subtree: true });
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

/** Our own insertion of a control, which must not wake the driver again. */
function isOwnMutation(mu: MutationRecord): boolean {
  if (mu.removedNodes.length) return false;
  for (const n of mu.addedNodes) if (!(n instanceof Element) || !n.hasAttribute(CONTROL_ATTR)) return false;
  return mu.addedNodes.length > 0;
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
