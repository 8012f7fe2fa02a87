// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { PostRecord } from '../core/post';

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
const fake = vi.hoisted(() => {
  const fake = {
    data: {} as Record<string, unknown>,
    listeners: [] as Listener[],
    gets: [] as unknown[],
    fail: false,
  };
  const storage = {
    local: {
      async get(keys: string | string[] | null) {
        fake.gets.push(keys);
        if (fake.fail) throw new Error('storage is broken');
        const want = keys === null ? Object.keys(fake.data) : typeof keys === 'string' ? [keys] : keys;
        return Object.fromEntries(want.filter((k) => k in fake.data).map((k) => [k, structuredClone(fake.data[k])]));
      },
      async set() {},
    },
    onChanged: { addListener: (fn: Listener) => fake.listeners.push(fn), removeListener() {} },
  };
  // The first screen reads through the browser's own API, React's store through the polyfill: both see this.
  (globalThis as { chrome?: unknown }).chrome = { storage };
  return Object.assign(fake, { browser: { storage, runtime: { sendMessage: async () => ({ ok: true, value: null }) } } });
});
vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

const rec = (i: number, state: 'in' | 'out' = 'in', text = `post ${i}`): PostRecord => {
  const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  return {
    post: { platform: 'x', postId: String(i), url: `https://x.com/a/status/${i}`, author: 'a', createdAt: at, text, media: [], contentHash: '0x00', capturedAt: at },
    consent: { state, history: [{ state: 'in', at, via: 'page' }] },
  };
};

function store(recs: PostRecord[], head: boolean) {
  fake.data = {};
  for (const r of recs) fake.data[`post:x:${r.post.postId}`] = { v: 1, data: r };
  fake.data['post-index'] = { v: 1, data: recs.map((r) => `post:x:${r.post.postId}\t${Date.parse(r.post.createdAt!).toString(36)}\t${r.consent.state[0]}`).join('\n') };
  if (head) {
    const licensed = recs.filter((r) => r.consent.state === 'in').reverse();
    fake.data['post-index-head'] = { v: 1, data: { total: recs.length, licensed: licensed.length, records: licensed.slice(0, 50) } };
  }
}

/** A fresh popup page: modules loaded anew, an empty root. */
async function open() {
  vi.resetModules();
  fake.listeners = [];
  fake.gets = [];
  document.body.innerHTML = '<div id="root"></div>';
  const { startPopup } = await import('./early-load');
  const { connectStore, usePopup } = await import('./store');
  const loadUi = vi.fn();
  const root = document.getElementById('root')!;
  const early = startPopup(root);
  void early.uiMayLoad.then(loadUi);
  return { early, connectStore, usePopup, loadUi, root };
}

const texts = (root: Element) => [...root.querySelectorAll('li.post .text')].map((p) => p.textContent);

describe('popup start', () => {
  it('draws the first screen from settings and the head in one read, then reads the index while React loads', async () => {
    store([rec(1), rec(2, 'out'), rec(3)], true);
    const { early, loadUi, root } = await open();
    const data = await early.earlyData();
    expect(fake.gets[0]).toEqual(['settings', 'post-index-head']);
    expect(fake.gets[1]).toBe('post-index');
    expect(fake.gets).toHaveLength(2); // the first page came from the head
    expect(texts(root)).toEqual(['post 3', 'post 1']);
    expect(root.querySelector('h2#posts-h')!.textContent).toBe('Your posts (2 licensed)');
    expect(loadUi).toHaveBeenCalledOnce();
    expect(data.index.map((e) => e.key)).toEqual(['post:x:3', 'post:x:2', 'post:x:1']);
    expect([...data.records.keys()]).toEqual(['post:x:3', 'post:x:1']);
    expect(performance.getEntriesByName('consentry:popup-ready')).not.toHaveLength(0);
  });

  it('without a head (storage from an older version), draws from the index and the first page', async () => {
    store([rec(1), rec(2, 'out'), rec(3)], false);
    const { early, loadUi, root } = await open();
    const data = await early.earlyData();
    expect(loadUi).toHaveBeenCalledOnce();
    expect(texts(root)).toEqual(['post 3', 'post 1']);
    expect([...data.records.keys()].sort()).toEqual(['post:x:1', 'post:x:3']);
  });

  it('a head out of step with the index: the store reads the first page itself', async () => {
    store([rec(1), rec(2), rec(3)], true);
    fake.data['post-index-head'] = { v: 1, data: { total: 2, licensed: 2, records: [rec(2), rec(1)] } };
    const { early } = await open();
    const data = await early.earlyData();
    expect([...data.records.keys()].sort()).toEqual(['post:x:1', 'post:x:2', 'post:x:3']);
  });

  it('storage changes made while the popup starts reach the store', async () => {
    store([rec(1), rec(2)], true);
    const { connectStore, usePopup } = await open();
    // Before the store listens: post 2 is withdrawn and the settings change.
    const changed = rec(2, 'out', 'post 2, changed');
    for (const fn of fake.listeners) fn({ 'post:x:2': { newValue: { v: 1, data: changed } } }, 'local');
    for (const fn of fake.listeners) fn({ settings: { newValue: { v: 1, data: { sites: { x: { enabled: false } } } } } }, 'local');
    await connectStore();
    expect(usePopup.getState().records.get('post:x:2')?.post.text).toBe('post 2, changed');
    expect(usePopup.getState().settings.sites.x.enabled).toBe(false);
    // And later ones, as they come; another area's are not ours.
    for (const fn of fake.listeners) fn({ 'post:x:1': { newValue: undefined } }, 'local');
    for (const fn of fake.listeners) fn({ 'post:x:2': { newValue: undefined } }, 'session');
    expect(usePopup.getState().records.has('post:x:1')).toBe(false);
    expect(usePopup.getState().records.has('post:x:2')).toBe(true);
  });

  it('React still loads, to say what went wrong, when storage cannot be read', async () => {
    store([], false);
    fake.fail = true;
    try {
      const { early, connectStore, usePopup, loadUi } = await open();
      await expect(early.earlyData()).rejects.toThrow('storage is broken');
      expect(loadUi).toHaveBeenCalledOnce();
      await connectStore();
      expect(usePopup.getState().error).toContain('storage is broken');
    } finally {
      fake.fail = false;
    }
  });
});
