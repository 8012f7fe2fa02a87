import type { PostRecord } from '../core/post';
import type { Settings } from '../core/site-settings';
import { getPostRecords, getSettings, postIndexItem } from '../ext/items';
import { parsePostIndex, sortedEntries, type IndexEntry } from '../ext/post-index';

/** Posts shown before "Show more". */
export const FIRST_PAGE = 50;

export interface EarlyData {
  settings: Settings;
  index: IndexEntry[];
  /** The first page of licensed posts. */
  records: Map<string, PostRecord>;
}

async function load(): Promise<EarlyData> {
  const [settings, text] = await Promise.all([getSettings(), postIndexItem.get()]);
  const index = sortedEntries(parsePostIndex(text));
  const records = await getPostRecords(index.filter((e) => e.state === 'in').slice(0, FIRST_PAGE).map((e) => e.key));
  performance.mark('consentry:popup-data');
  return { settings, index, records };
}

/**
 * Started by the popup's tiny entry script before the UI bundle is even loaded (main.tsx), so reading storage
 * overlaps with loading React instead of waiting for it.
 */
export const earlyData = load();
