import { cssString, type SiteAdapter } from '../../site-adapter';
import { enrichFromApi } from './api';
import { currentBlueskyUser, identifyBlueskyPost, ownElements, parseBlueskyPost } from './parse';
import { CONTROL_BUTTON, CONTROL_MENU, POST_SELECTOR, QUOTE_CARD } from './selectors';

/** bsky.app: posts by testid, the user from the web app's own session storage, canonical data from the AppView. */
export const blueskyAdapter: SiteAdapter = {
  platform: 'bluesky',
  postSelector: POST_SELECTOR,
  currentUser(doc) {
    try {
      const storage = doc.defaultView?.localStorage; // the getter throws where storage is blocked
      return storage ? currentBlueskyUser(storage) : null;
    } catch {
      return null;
    }
  },
  parse: parseBlueskyPost,
  // The item's testid names its author (`feedItem-by-<handle>`): someone else's costs an attribute read.
  identify: identifyBlueskyPost,
  ownMark: (user) => `[data-testid=${cssString(`feedItem-by-${user.handle}`)} i], [data-testid=${cssString(`postThreadItem-by-${user.handle}`)} i]`,
  // The mark is the own items themselves: an added row's own posts come from one query.
  ownMarkIsPost: true,
  mountPoint,
  enrich: (post, user) => enrichFromApi(post, user),
};

/**
 * The post's own controls row (reply, repost, like … post menu), where one more small button fits at the end.
 * Falls back to the item itself; never a quoted post's card.
 */
function mountPoint(el: Element): Element {
  const button = ownFirst(el, CONTROL_BUTTON);
  const menu = ownFirst(el, CONTROL_MENU);
  if (!button) return el;
  for (let n = button.parentElement; n && n !== el; n = n.parentElement) {
    if (!menu || n.contains(menu)) return n;
  }
  return el;
}

/**
 * The first element of the item's own (not a quoted post's) matching `selector`: in two calls when the first in
 * the item is its own, as it is unless a quoted post comes first in the markup.
 */
function ownFirst(el: Element, selector: string): Element | undefined {
  const first = el.querySelector(selector);
  if (!first) return undefined;
  if (first.closest(CARD_OR_ITEM) === el) return first;
  return ownElements(el, selector)[0];
}
const CARD_OR_ITEM = `${QUOTE_CARD}, ${POST_SELECTOR}`;
