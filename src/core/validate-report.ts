import { isPlatform } from './platform';
import { isValidHandle, isValidPostId, permalink } from './permalink';
import type { PostReport } from './post';

export const MAX_TEXT_LENGTH = 100_000;
export const MAX_MEDIA = 20;
export const MAX_URL_LENGTH = 2_048;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function isHttpsUrl(s: unknown): s is string {
  if (typeof s !== 'string' || s.length > MAX_URL_LENGTH) return false;
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
}

/** A post's text and media URLs: what its content hash is computed from (content-hash.ts). */
export interface PostContent {
  text: string;
  media: string[];
}

/**
 * Read untrusted `{ text, media }` (sent with an offer, or served by a registry) within the limits a post report
 * has; errors start with `field`. Extra fields are dropped.
 */
export function readPostContent(x: unknown, field: string): Checked<PostContent> {
  if (!isRecord(x)) return { ok: false, error: `${field}: not an object with text and media` };
  if (typeof x.text !== 'string' || x.text.length > MAX_TEXT_LENGTH)
    return { ok: false, error: `${field}.text: not a string of at most ${MAX_TEXT_LENGTH} characters` };
  if (!Array.isArray(x.media) || x.media.length > MAX_MEDIA || !x.media.every(isHttpsUrl))
    return { ok: false, error: `${field}.media: not a list of at most ${MAX_MEDIA} https URLs` };
  return { ok: true, value: { text: x.text, media: [...(x.media as string[])] } };
}

/**
 * Check a post report from a content script field by field. Anything unexpected is refused with a message
 * that says which field; extra fields are dropped, so nothing unchecked reaches storage.
 */
export function validatePostReport(input: unknown): Checked<PostReport> {
  if (!isRecord(input)) return { ok: false, error: 'report: not an object' };
  const { platform, postId, url, author, createdAt, text, media, truncated } = input;
  if (!isPlatform(platform)) return { ok: false, error: 'report.platform: unknown platform' };
  if (typeof postId !== 'string' || !isValidPostId(platform, postId))
    return { ok: false, error: 'report.postId: not a post id of this platform' };
  if (typeof author !== 'string' || !isValidHandle(platform, author))
    return { ok: false, error: 'report.author: not a handle of this platform' };
  if (url !== permalink(platform, author, postId))
    return { ok: false, error: 'report.url: not the canonical permalink of this post' };
  if (createdAt !== null && (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))))
    return { ok: false, error: 'report.createdAt: not a date' };
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH)
    return { ok: false, error: `report.text: not a string of at most ${MAX_TEXT_LENGTH} characters` };
  if (!Array.isArray(media) || media.length > MAX_MEDIA || !media.every(isHttpsUrl))
    return { ok: false, error: `report.media: not a list of at most ${MAX_MEDIA} https URLs` };
  if (truncated !== undefined && typeof truncated !== 'boolean')
    return { ok: false, error: 'report.truncated: not a boolean' };
  return {
    ok: true,
    value: {
      platform,
      postId,
      url,
      author,
      createdAt: createdAt === null ? null : new Date(createdAt).toISOString(),
      text,
      media: [...media],
      ...(truncated ? { truncated: true } : {}),
    },
  };
}
