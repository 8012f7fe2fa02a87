import { browser } from './browser';
import { upgrade, wrap, type StorageItemSpec } from './stored-value';

export { upgrade, wrap, type StorageArea, type StorageItemSpec } from './stored-value';

export interface StorageItem<T> {
  spec: StorageItemSpec<T>;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Calls `fn` with the new value whenever it changes; returns an unsubscribe function. */
  watch(fn: (value: T) => void): () => void;
}

export function storageItem<T>(spec: StorageItemSpec<T>): StorageItem<T> {
  const area = browser.storage[spec.area];
  return {
    spec,
    async get() {
      const got = await area.get(spec.key);
      return upgrade(spec, got[spec.key]);
    },
    async set(value) {
      await area.set({ [spec.key]: wrap(spec, value) });
    },
    watch(fn) {
      const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
        const change = changes[spec.key];
        if (areaName === spec.area && change) fn(upgrade(spec, change.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
