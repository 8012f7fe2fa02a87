/** X snowflake ids carry their creation time: milliseconds since Twitter's epoch, shifted left 22 bits. */
const TWITTER_EPOCH_MS = 1_288_834_974_657n;

/**
 * The author handle in a post's canonical URL (x.com/<handle>/status/…, bsky.app/profile/<handle>/post/…), or null.
 * @example authorOf('https://x.com/alice/status/1') // 'alice'
 */
export function authorOf(url: string): string | null {
  try {
    const u = new URL(url);
    const parts = u.pathname.split('/').filter(Boolean);
    if (/(^|\.)(x|twitter)\.com$/.test(u.hostname) && parts[1] === 'status') return parts[0] ?? null;
    if (u.hostname === 'bsky.app' && parts[0] === 'profile') return parts[1] ?? null;
  } catch {
    // not a URL: no author
  }
  return null;
}

/**
 * When the post was written, where the id says so (X snowflakes), as ISO 8601; otherwise null. The offer leaf
 * has no creation date, and the batch's issuedAt is when it was offered, not written.
 */
export function createdOf(platform: string, postId: string): string | null {
  if (platform !== 'x' || !/^[0-9]{1,20}$/.test(postId)) return null;
  const ms = (BigInt(postId) >> 22n) + TWITTER_EPOCH_MS;
  return ms > TWITTER_EPOCH_MS && ms < 8_640_000_000_000_000n ? new Date(Number(ms)).toISOString() : null;
}
