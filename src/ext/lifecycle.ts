import { browser } from './browser';

/** Run `fn` when the extension is installed or updated (storage upgrades, repairs). Register at top level. */
export function onInstalled(fn: () => Promise<unknown>): void {
  browser.runtime.onInstalled.addListener(() => {
    fn().catch((e: unknown) => console.error('Consentry: upgrade step failed', e));
  });
}
