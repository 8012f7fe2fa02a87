import type { PostRecord } from '../core/post';
import type { Settings } from '../core/site-settings';
import { browser } from '../ext/browser';
import { getFirstScreen, getPostRecords, postIndexItem, postKey } from '../ext/items';
import { HEAD_SIZE, parsePostIndex, sortedEntries, type IndexEntry } from '../ext/post-index';
import { paintFirstScreen, type FirstScreen } from './first-screen';

/** Posts shown before "Show more": the posts the index head holds. */
export const FIRST_PAGE = HEAD_SIZE;

export interface EarlyData {
  settings: Settings;
  index: IndexEntry[];
  /** The first page of licensed posts. */
  records: Map<string, PostRecord>;
}

type Changes = Record<string, { newValue?: unknown }>;

let started: Promise<EarlyData> | null = null;
let buffered: Changes[] = [];
let forward: ((changes: Changes) => void) | null = null;

/** What startPopup read: settings, the whole index and the first page. */
export function earlyData(): Promise<EarlyData> {
  return (started ??= Promise.reject(new Error('The popup was not started.')));
}

/**
 * storage.local changes since the popup started, then as they come: nothing is missed between the first reads
 * and the store listening.
 */
export function onLocalChange(fn: (changes: Changes) => void): void {
  forward = fn;
  for (const changes of buffered) fn(changes);
  buffered = [];
}

const firstPage = (index: IndexEntry[]) =>
  index
    .filter((e) => e.state === 'in')
    .slice(0, FIRST_PAGE)
    .map((e) => e.key);

/**
 * Draw the first screen; resolves once the browser has laid it out and painted it, which is when it is marked
 * 'consentry:popup-ready' (the measure of issue 3).
 */
function paint(root: HTMLElement, data: FirstScreen): Promise<void> {
  try {
    paintFirstScreen(root, data);
  } catch (e) {
    console.error('Consentry: could not draw the first screen', e); // React draws it a little later
    return Promise.resolve();
  }
  // requestAnimationFrame runs just before the frame's style, layout and paint; a task queued from it runs after.
  // A hidden page gets no frames: then go on after a while all the same.
  return new Promise((resolve) => {
    let done = false;
    const painted = () => {
      if (done) return;
      done = true;
      performance.mark('consentry:popup-ready');
      resolve();
    };
    requestAnimationFrame(() => setTimeout(painted));
    setTimeout(painted, 250);
  });
}

async function load(root: HTMLElement, loadUi: () => void): Promise<EarlyData> {
  // One small read (settings and the index head) is enough to draw the first screen at once; the whole index,
  // which the store needs for counting, paging and search, is read after that, while React loads.
  const { settings, head } = await getFirstScreen();
  if (head) {
    // Nothing else runs until the first screen is on screen: then the index read, and React loads.
    await paint(root, { settings, ...head });
    const text = postIndexItem.get();
    loadUi();
    const index = sortedEntries(parsePostIndex(await text));
    const page = firstPage(index);
    const fromHead = new Map(head.records.map((r) => [postKey(r.post.platform, r.post.postId), r]));
    // The head is written together with the index, so its posts are the first page; if not, read the page.
    const inStep = page.length === fromHead.size && page.every((k) => fromHead.has(k));
    const records = inStep ? fromHead : await getPostRecords(page);
    performance.mark('consentry:popup-data');
    return { settings, index, records };
  }
  // No head (stored by a version before it, until the update's repair writes one): index, then the first page.
  loadUi();
  const index = sortedEntries(parsePostIndex(await postIndexItem.get()));
  const page = firstPage(index);
  const records = await getPostRecords(page);
  const licensed = index.reduce((n, e) => (e.state === 'in' ? n + 1 : n), 0);
  await paint(root, { settings, total: index.length, licensed, records: page.flatMap((k) => records.get(k) ?? []) });
  performance.mark('consentry:popup-data');
  return { settings, index, records };
}

/**
 * Run by the popup's tiny entry script (main.tsx): read what the first screen needs, draw it without React,
 * and have `loadUi` load React (which takes over from that first screen) once the drawing is done.
 */
export function startPopup(root: HTMLElement, loadUi: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (forward) forward(changes);
    else buffered.push(changes);
  });
  let loading = false;
  const ui = () => {
    if (loading) return;
    loading = true;
    loadUi();
  };
  started = load(root, ui);
  started.catch(ui); // React shows what went wrong
}
