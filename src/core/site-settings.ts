import { PLATFORMS, type Platform } from './platform';

export interface SiteSettings {
  /** Off: no controls on that site and nothing captured there. */
  enabled: boolean;
}

export type Settings = { sites: Record<Platform, SiteSettings> };

export function defaultSettings(): Settings {
  return { sites: Object.fromEntries(PLATFORMS.map((p) => [p, { enabled: true }])) as Settings['sites'] };
}

/** Fill in sites added since the settings were stored. */
export function completeSettings(stored: Partial<Settings> | undefined): Settings {
  const base = defaultSettings();
  for (const p of PLATFORMS) {
    const s = stored?.sites?.[p];
    if (s && typeof s.enabled === 'boolean') base.sites[p] = { enabled: s.enabled };
  }
  return base;
}
