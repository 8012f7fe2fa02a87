// The one import of the polyfill: everything else reaches browser APIs through src/ext.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Storage } from 'webextension-polyfill';
