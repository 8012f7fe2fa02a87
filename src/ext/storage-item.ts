import { browser } from './browser';

export type StorageArea = 'local' | 'session';

/**
 * One stored value, declared once: where it lives, its version, how older versions are brought up to date,
 * and what it is when nothing is stored. On disk it is `{ v, data }`.
 */
export interface StorageItemSpec<T> {
  key: string;
  area: StorageArea;
  version: number;
  /** migrations[n] turns data of version n into version n + 1. */
  migrations?: Record<number, (data: unknown) => unknown>;
  fallback: T;
  /** Checks migrated data; data that fails is treated as absent (and reported), never trusted. */
  isValid?: (data: unknown) => data is T;
}

interface Envelope {
  v: number;
  data: unknown;
}

function isEnvelope(x: unknown): x is Envelope {
  return typeof x === 'object' && x !== null && typeof (x as Envelope).v === 'number' && 'data' in x;
}

/** Bring a raw stored value to the current version. Returns `fallback` for absent or unreadable data. */
export function upgrade<T>(spec: StorageItemSpec<T>, raw: unknown): T {
  if (!isEnvelope(raw)) return spec.fallback;
  let { v, data } = raw;
  if (v > spec.version) return spec.fallback; // written by a newer build: do not guess
  while (v < spec.version) {
    const step = spec.migrations?.[v];
    if (!step) return spec.fallback;
    data = step(data);
    v++;
  }
  if (spec.isValid && !spec.isValid(data)) return spec.fallback;
  return data as T;
}

export function wrap<T>(spec: StorageItemSpec<T>, data: T): Envelope {
  return { v: spec.version, data };
}

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
