import type { Platform } from './platform';

/** How each platform spells a post id and a handle; used to reject anything else at the boundary. */
const ID_PATTERN: Record<Platform, RegExp> = {
  x: /^\d{1,25}$/,
  // Record keys: TIDs in practice, any valid rkey in principle (atproto record-key syntax).
  bluesky: /^[A-Za-z0-9._:~-]{1,512}$/,
};

const HANDLE_PATTERN: Record<Platform, RegExp> = {
  x: /^[A-Za-z0-9_]{1,15}$/,
  bluesky: /^(?=.{3,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/,
};

export function isValidPostId(platform: Platform, id: string): boolean {
  return ID_PATTERN[platform].test(id) && id !== '.' && id !== '..';
}

export function isValidHandle(platform: Platform, handle: string): boolean {
  return HANDLE_PATTERN[platform].test(handle);
}

/** The one canonical permalink of a post. */
export function permalink(platform: Platform, author: string, postId: string): string {
  switch (platform) {
    case 'x':
      return `https://x.com/${author}/status/${postId}`;
    case 'bluesky':
      return `https://bsky.app/profile/${author.toLowerCase()}/post/${postId}`;
  }
}
