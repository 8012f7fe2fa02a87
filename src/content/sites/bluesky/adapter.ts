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
  // Feed and thread items (`feedItem-by-<handle>`, `postThreadItem-by-<handle>`) in one selector: a query with one
  // selector costs less than with two. Another testid ending so would only be looked at, and found not to be a post.
  ownMark: (user) => `[data-testid$=${cssString(`-by-${user.handle}`)} i]`,
  // The mark is the own items themselves: an added row's own posts come from one query.
  ownMarkIsPost: true,
  mountPoint,
  enrich: (post, user) => enrichFromApi(post, user),
};

/**
 * The post's own controls row (reply, repost, like … post menu), where one more small button fits at the end: for
 * an item that identify could not place next to its time link (a post's own page shows its focal post's time as
 * text). Falls back to the item itself; never a quoted post's card.
 */
function mountPoint(el: Element): Element {
  const button = ownFirst(el, CONTROL_BUTTON);
  if (!button) return el;
  // The first menu is taken as it comes: what is returned holds the item's own button, so it is never inside a
  // quoted post, whichever menu it also holds.
  const menu = el.querySelector(CONTROL_MENU);
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
