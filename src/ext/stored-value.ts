// A stored value's envelope `{ v, data }` and its versions: pure, no browser API, so code that must not load
// the polyfill (the popup's first screen) can read stored values too. storage-item.ts builds on it.

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
