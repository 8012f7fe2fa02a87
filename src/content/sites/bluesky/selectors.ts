// Every selector, attribute pattern and storage key Consentry relies on in bsky.app, in one place.
// Source of truth: the web client (bluesky-social/social-app, React Native Web: testID -> data-testid).

/** Page storage where the web app keeps the session (src/state/persisted/schema.ts). */
export const LEGACY_STORAGE_KEY = 'BSKY_STORAGE';
/** Newer dedicated session store, `{accounts, currentDid}` (src/state/session/storage/repository.web.ts). */
export const SESSION_STORAGE_KEY = 'BSKY_SESSION_STORAGE_V1';

/** Feed items (PostFeedItem) and thread items (ThreadItemAnchor, ThreadItemPost). Outer posts only. */
export const POST_SELECTOR = '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]';
/** The testid carries the author's exact handle after the prefix. */
export const POST_TESTID = /^(?:feedItem|postThreadItem)-by-(.+)$/;

/** Post text in feeds; thread items render the same RichText without this testid. */
export const POST_TEXT = '[data-testid="postText"]';
/** Any RichText root: a top-level Text (a div, nested Text is a span) with the word-wrap dataSet. */
export const RICH_TEXT = 'div[data-word-wrap="1"]';

/**
 * A quoted post inside an item: QuoteEmbed wraps it in a Link titled `Post by <handle>` (not localised),
 * a pressable div with role=link. Anything inside it belongs to someone else's post.
 */
export const QUOTE_CARD = '[role="link"][aria-label^="Post by "], div[role="link"]';

/** Links: the timestamp link is the item's permalink; `/profile/<handle-or-did>/post/<rkey>` exactly. */
export const LINK = 'a[href]';
export const PERMALINK_PATH = /^\/profile\/([^/?#]+)\/post\/([^/?#]+)\/?$/;

/** Media of the post itself: feed image thumbnails, video posters (link-card thumbnails sit inside external anchors). */
export const FEED_IMAGE = 'img[src*="/img/feed_thumbnail/"], img[src*="/img/feed_fullsize/"]';
export const EXTERNAL_LINK = 'a[href^="http:"], a[href^="https:"]';
export const VIDEO_POSTER = 'video[poster]';
export const VIDEO_BACKGROUND = '[style*="video.bsky.app"]';
export const VIDEO_THUMB_IN_STYLE = /url\(\s*["']?(https:\/\/video\.bsky\.app\/[^"')\s]+)["']?\s*\)/;

/** PostControls: the row that holds reply/repost/like and the bookmark/share/menu buttons. */
export const CONTROL_BUTTON = '[data-testid="replyBtn"], [data-testid="likeBtn"], [data-testid="unlikeBtn"]';
export const CONTROL_MENU = '[data-testid="postDropdownBtn"]';

/** Where the timestamp link may carry its full date (PostMeta passes niceDate() as label and title). */
export const TIMESTAMP_LABEL_ATTRS = ['aria-label', 'title', 'data-tooltip'] as const;
