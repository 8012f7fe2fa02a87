import type { Platform } from './platform';

/**
 * What a content script reports about one post it saw on the page and judged to be the user's own.
 * Untrusted: the background validates it (`validatePostReport`) before storing anything.
 */
export interface PostReport {
  platform: Platform;
  /** The site's own id: X status id (digits), Bluesky record key. */
  postId: string;
  /** Canonical permalink, e.g. https://x.com/alice/status/123 or https://bsky.app/profile/alice.bsky.social/post/3k… */
  url: string;
  /** Author handle without '@', as the site shows it (X: screen name; Bluesky: full handle). */
  author: string;
  /** ISO 8601 time the post was created, or null when the page does not show it. */
  createdAt: string | null;
  /** Full text as the user sees it; emoji drawn as images are turned back into their characters. */
  text: string;
  /** Media URLs (images, video posters), canonical form chosen by the site adapter. */
  media: string[];
  /** True when the page shows only part of the text ("Show more"); the full text is on the post's own page. */
  truncated?: boolean;
}

/** A post the user has captured (opted in at least once). */
export interface CapturedPost extends PostReport {
  /** 0x-prefixed SHA-256 of the canonical form (see content-hash.ts). */
  contentHash: string;
  /** When Consentry first captured it (ISO). */
  capturedAt: string;
}

/** What Consentry keeps per post: the capture, the user's consent, and where its offer stands. */
export interface PostRecord {
  post: CapturedPost;
  consent: import('./consent').ConsentRecord;
  /** Terms for this post only, replacing the site's (JSON form). */
  terms?: import('./terms/terms-json').TermsJson;
  /** Absent until the post is first opted in with publishing available. */
  offer?: import('./offer-status').OfferStatus;
}
