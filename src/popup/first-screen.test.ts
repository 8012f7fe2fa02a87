// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PostRecord } from '../core/post';
import { defaultSettings } from '../core/site-settings';
import type { FirstScreen } from './first-screen';

const sendMessage = vi.hoisted(() => vi.fn(async (_m: unknown) => ({ ok: true, value: null })));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { local: { get: async () => ({}), set: async () => {} }, onChanged: { addListener() {}, removeListener() {} } },
    runtime: { sendMessage },
  },
}));

const { createElement } = await import('react');
const { flushSync } = await import('react-dom');
const { createRoot } = await import('react-dom/client');
const { App } = await import('./app');
const { paintFirstScreen, takeHandoff } = await import('./first-screen');
const { beginHandoff, endHandoff, restoreView } = await import('./handoff');
const { applyHandoff, usePopup } = await import('./store');
const { HEAD_SIZE, indexEntry, sortedEntries } = await import('../ext/post-index');


function rec(i: number, state: 'in' | 'out', extra: Partial<PostRecord> = {}, text = `Post ${i}: a thought worth sharing.`): PostRecord {
  const at = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString();
  return {
    post: { platform: i % 2 ? 'x' : 'bluesky', postId: String(i), url: `https://x.com/a/status/${i}`, author: 'a', createdAt: at, text, media: [], contentHash: '0x00', capturedAt: at },
    consent: { state, history: [{ state: 'in', at, via: 'page' }, ...(state === 'out' ? [{ state: 'out' as const, at, via: 'popup' as const }] : [])] },
    ...extra,
  };
}

/** Posts as storage holds them, and what the first screen and the store get from them. */
function fixture(recs: PostRecord[], settings = defaultSettings()) {
  const byKey = new Map(recs.map((r) => [`post:${r.post.platform}:${r.post.postId}`, r]));
  const index = sortedEntries(new Map([...byKey].map(([k, r]) => [k, indexEntry(k, r)])));
  const page = index.filter((e) => e.state === 'in').slice(0, HEAD_SIZE);
  const first: FirstScreen = { settings, total: index.length, licensed: index.filter((e) => e.state === 'in').length, records: page.map((e) => byKey.get(e.key)!) };
  const records = new Map(page.map((e) => [e.key, byKey.get(e.key)!]));
  return { first, store: { loaded: true, settings, index, records, allLoaded: false, query: '', filter: 'in' as const, error: null } };
}

/** Elements, attributes and text in a form that compares; ids React makes up (useId) are left out. */
function canon(el: Element): unknown {
  const attrs = [...el.attributes]
    // React sets `checked` and `value` as attributes too; their state is compared below.
    .filter((a) => !(a.name === 'aria-controls' && el.classList.contains('disclosure-button')) && !(['value', 'checked'].includes(a.name) && el.tagName === 'INPUT'))
    .map((a) => `${a.name}=${a.value}`)
    .sort();
  const state = el instanceof HTMLInputElement ? { value: el.value, checked: el.checked } : el instanceof HTMLSelectElement ? { value: el.value } : {};
  const children: unknown[] = [];
  for (const n of el.childNodes) {
    if (n.nodeType === n.TEXT_NODE) {
      if (typeof children.at(-1) === 'string') children[children.length - 1] += n.textContent ?? '';
      else children.push(n.textContent ?? '');
    } else if (n instanceof Element) children.push(canon(n));
  }
  return { tag: el.tagName, attrs, ...state, children };
}

function renderReact(container: Element) {
  const root = createRoot(container);
  flushSync(() => root.render(createElement(App)));
  return root;
}

const roots: { unmount(): void }[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) r.unmount();
  document.body.replaceChildren();
  endHandoff();
  sendMessage.mockClear();
});

describe('the plain first screen', () => {
  const many = Array.from({ length: HEAD_SIZE + 12 }, (_, i) =>
    rec(i, i % 5 === 0 ? 'out' : 'in', i === HEAD_SIZE + 11 ? { offer: { state: 'waiting', reason: 'Unlock your wallet', since: '2025-03-01T00:00:00.000Z' } } : {}),
  );
  many.push(rec(900, 'in', { offer: { state: 'published', offerId: 'o1', batchId: 'b1', at: '2025-03-01T00:00:00.000Z' } }));
  many.push(rec(901, 'in', { offer: { state: 'error', reason: 'Refused', at: 'not a date' } }));
  many.push({ ...rec(902, 'in', {}, 'Line one\n\n  <b>not bold</b> <img src=x onerror=alert(1)>'), post: { ...rec(902, 'in').post, truncated: true, text: 'Line one\n\n  <b>not bold</b> <img src=x onerror=alert(1)>' } });
  const noTime = rec(903, 'in');
  noTime.post.createdAt = null;
  many.push(noTime);
  const offSettings = defaultSettings();
  offSettings.sites.bluesky.enabled = false;

  it.each([
    ['a page of licensed posts with more to show', fixture(many, offSettings)],
    ['a few posts', fixture(many.slice(0, 4))],
    ['no post yet', fixture([])],
    ['only withdrawn posts', fixture([rec(1, 'out'), rec(2, 'out')])],
  ])('draws what React draws: %s', (_name, { first, store }) => {
    const plain = document.createElement('div');
    paintFirstScreen(plain, first);
    takeHandoff(); // stop listening
    usePopup.setState(store);
    const react = document.createElement('div');
    roots.push(renderReact(react));
    expect(canon(plain)).toEqual(canon(react));
  });

  it('sets post text as text, never as HTML', () => {
    const plain = document.createElement('div');
    paintFirstScreen(plain, fixture(many).first);
    takeHandoff();
    expect(plain.querySelector('img, b')).toBeNull();
    expect(plain.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('hands what the user did to React, which replaces it in one render', async () => {
    const { first, store } = fixture(many);
    const container = document.createElement('div');
    document.body.append(container);
    paintFirstScreen(container, first);
    const search = container.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    search.value = 'thought';
    search.setSelectionRange(2, 5);
    container.querySelector<HTMLInputElement>('input[aria-describedby="site-bluesky-hint"]')!.click();
    expect(container.querySelector('#site-bluesky-hint')!.textContent).toBe('Off: no buttons, nothing captured.');
    const rows = container.querySelectorAll('li.post');
    rows[1]!.querySelector<HTMLButtonElement>('.row > button')!.click();
    rows[0]!.querySelector<HTMLButtonElement>('.disclosure-button')!.click();
    expect(rows[0]!.querySelector('.disclosure-button')!.getAttribute('aria-expanded')).toBe('true');
    container.querySelector<HTMLButtonElement>('button.more')!.click();
    // Focus back in the search box after the clicks.
    search.focus();
    search.setSelectionRange(2, 5);

    usePopup.setState(store);
    const handoff = takeHandoff()!;
    expect(handoff).toMatchObject({ query: 'thought', sites: { bluesky: false }, more: 1 });
    beginHandoff(handoff);
    applyHandoff(handoff);
    roots.push(renderReact(container));
    restoreView(container, handoff);
    endHandoff();

    const input = container.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(input).not.toBe(search);
    expect(input.value).toBe('thought');
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([2, 5]);
    expect(container.querySelector<HTMLInputElement>('input[aria-describedby="site-bluesky-hint"]')!.checked).toBe(false);
    expect(container.querySelectorAll('main')).toHaveLength(1);
    const messages = sendMessage.mock.calls.map(([m]) => m);
    expect(messages).toContainEqual({ type: 'site.setEnabled', payload: { platform: 'bluesky', enabled: false } });
    const second = first.records[1]!.post;
    expect(messages).toContainEqual({ type: 'post.setConsent', payload: { platform: second.platform, postId: second.postId, optIn: false } });
    expect(usePopup.getState().query).toBe('thought');
  });

  it('hands over the tab chosen on it and opened terms', () => {
    const { first, store } = fixture(many);
    const container = document.createElement('div');
    document.body.append(container);
    paintFirstScreen(container, first);
    container.querySelector<HTMLButtonElement>('li.post .disclosure-button')!.click();
    const tabs = container.querySelectorAll<HTMLButtonElement>('[role="tab"]');
    tabs[0]!.focus();
    tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[1]);
    tabs[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    usePopup.setState(store);
    const handoff = takeHandoff()!;
    expect(handoff.tab).toBe('posts');
    beginHandoff(handoff);
    roots.push(renderReact(container));
    restoreView(container, handoff);
    expect(document.activeElement?.textContent).toBe('Posts');
    expect(container.querySelector('li.post .disclosure-button')!.getAttribute('aria-expanded')).toBe('true');
  });
});
