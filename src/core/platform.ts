/** Every site Consentry knows. Adding a site adds one id here and one folder in `src/content/sites/`. */
export const PLATFORMS = ['x', 'bluesky'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface PlatformInfo {
  id: Platform;
  name: string;
  /** Hosts whose pages the site's content script runs on (exact host names). */
  hosts: readonly string[];
}

export const PLATFORM_INFO: Record<Platform, PlatformInfo> = {
  x: { id: 'x', name: 'X (Twitter)', hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'] },
  bluesky: { id: 'bluesky', name: 'Bluesky', hosts: ['bsky.app'] },
};

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

/** True when `url` is served from one of the platform's hosts over https. */
export function isPlatformUrl(platform: Platform, url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && PLATFORM_INFO[platform].hosts.includes(u.hostname);
  } catch {
    return false;
  }
}
