/**
 * Every selector the X adapter uses. X's class names are generated per build (`css-175oi2r`, `r-…`);
 * `data-testid`s, roles and tag structure survive builds and languages, so only those appear here.
 */
export const SEL = {
  /** A cell of the virtual list of posts (timeline, profile, thread): at most one post in each. */
  cell: '[data-testid="cellInnerDiv"]',
  /** One post, on timelines, profiles and a post's own page. */
  post: 'article[data-testid="tweet"]',
  /** Author line: display name link and `@handle` link (the quoted post has one too, without links). */
  userName: '[data-testid="User-Name"]',
  text: '[data-testid="tweetText"]',
  showMore: '[data-testid="tweet-text-show-more-link"]',
  /** Photos, and the thumbnail of a video that has not loaded yet (`previewInterstitial`). */
  photo: '[data-testid="tweetPhoto"] img',
  videoPoster: '[data-testid="videoPlayer"] video[poster]',
  /** The quoted post is a `div[role="link"]` card inside the quoting post (links are `<a>`). */
  quoteCard: 'div[role="link"]',
  actionBar: '[role="group"]',
  replyButton: '[data-testid="reply"]',
  time: 'time',
  statusLink: 'a[href*="/status/"]',
  /** Ads: a placementTracking box whose first children are impression pixels, the post inside it. */
  placementTracking: '[data-testid="placementTracking"]',
  impressionPixel: '[data-testid$="-impression-pixel"]',
  /** Outbound links of ads carry X's click id. */
  adClickId: 'a[href*="twclid="]',
  profileLink: 'a[data-testid="AppTabBar_Profile_Link"]',
  accountSwitcher: '[data-testid="SideNav_AccountSwitcher_Button"]',
} as const;

/** The nearest of these around a node says whose it is: a quoted post's card, or a post. */
export const CARD_OR_POST = `${SEL.quoteCard}, ${SEL.post}`;
/** The same, with the action bar: the nearest of these around a reply button is the outer post's bar (or not). */
export const BAR_CARD_OR_POST = `${SEL.actionBar}, ${CARD_OR_POST}`;

/** `data-testid` suffix of the impression pixels that mark an ad's placementTracking box. */
export const IMPRESSION_PIXEL_SUFFIX = '-impression-pixel';

/** The label X prints where an ad has no timestamp (fallback when the pixels are missing). English only. */
export const AD_LABELS: readonly string[] = ['Ad', 'Promoted'];
