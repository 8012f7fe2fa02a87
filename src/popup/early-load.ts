// The popup's first screen, run by its own classic script (first-screen-script.ts) before React loads: one
// small read, the first screen drawn without React, then the whole index read while React loads. What React
// needs from here it gets through the bridge (early-bridge.ts). Storage is read through the browser's own API
// (ext/item-specs.ts), not the polyfill, which this script does not load.
import { firstScreenArea, onLocalChanged, postKey, readFirstScreen, readPostIndex, readPostRecords } from '../ext/item-specs';
import { HEAD_SIZE, parsePostIndex, sortedEntries, type IndexEntry } from '../ext/post-index';
import { publishEarly, type EarlyBridge, type EarlyData, type LocalChanges } from './early-bridge';
import { paintFirstScreen, takeHandoff, type FirstScreen } from './first-screen';
import { prepareDateFormat } from './post-view';

/** Posts shown before "Show more": the posts the index head holds (store.ts's FIRST_PAGE). */
const FIRST_PAGE = HEAD_SIZE;

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

async function load(rootElement: HTMLElement | Promise<HTMLElement>, loadUi: () => void): Promise<EarlyData> {
  // One small read (settings and the index head) is enough to draw the first screen at once; the whole index,
  // which the store needs for counting, paging and search, is read after that, while React loads.
  const area = firstScreenArea();
  const reading = readFirstScreen(area);
  prepareDateFormat(); // while the read is on the way: slow in a fresh browser process
  const { settings, head } = await reading;
  const root = await rootElement;
  if (head) {
    // Nothing else runs until the first screen is on screen: then the index read, and React loads.
    await paint(root, { settings, ...head });
    const text = readPostIndex(area);
    loadUi();
    const index = sortedEntries(parsePostIndex(await text));
    const page = firstPage(index);
    const fromHead = new Map(head.records.map((r) => [postKey(r.post.platform, r.post.postId), r]));
    // The head is written together with the index, so its posts are the first page; if not, read the page.
    const inStep = page.length === fromHead.size && page.every((k) => fromHead.has(k));
    const records = inStep ? fromHead : await readPostRecords(area, page);
    performance.mark('consentry:popup-data');
    return { settings, index, records };
  }
  // No head (stored by a version before it, until the update's repair writes one): index, then the first page.
  loadUi();
  const index = sortedEntries(parsePostIndex(await readPostIndex(area)));
  const page = firstPage(index);
  const records = await readPostRecords(area, page);
  const licensed = index.reduce((n, e) => (e.state === 'in' ? n + 1 : n), 0);
  await paint(root, { settings, total: index.length, licensed, records: page.flatMap((k) => records.get(k) ?? []) });
  performance.mark('consentry:popup-data');
  return { settings, index, records };
}

/**
 * Run by the popup's first script (first-screen-script.ts): read what the first screen needs, draw it into
 * `root` (which may come later: the read starts first) without React, and let React (main.tsx) load, which takes over from that first screen, once the drawing is done.
 * Storage changes from now on are kept for React's store (onLocalChange): nothing is missed between the first
 * reads and the store listening.
 */
export function startPopup(root: HTMLElement | Promise<HTMLElement>): EarlyBridge {
  let buffered: LocalChanges[] = [];
  let forward: ((changes: LocalChanges) => void) | null = null;
  onLocalChanged((changes) => {
    if (forward) forward(changes);
    else buffered.push(changes);
  });
  let ui!: () => void;
  const uiMayLoad = new Promise<void>((resolve) => (ui = resolve));
  const started = load(root, ui);
  started.catch(ui); // React shows what went wrong
  const bridge: EarlyBridge = {
    uiMayLoad,
    earlyData: () => started,
    onLocalChange(fn) {
      forward = fn;
      for (const changes of buffered) fn(changes);
      buffered = [];
    },
    takeHandoff,
  };
  publishEarly(bridge);
  return bridge;
}
