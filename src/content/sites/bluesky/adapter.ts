import { cssString, type SiteAdapter } from '../../site-adapter';
import { enrichFromApi } from './api';
import { currentBlueskyUser, ownElements, parseBlueskyPost } from './parse';
import { CONTROL_BUTTON, CONTROL_MENU, POST_SELECTOR, POST_TESTID } from './selectors';

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
  // The item's testid names its author (`feedItem-by-<handle>`): an attribute read, no DOM walk.
  mayBeOwn: (el, user) => POST_TESTID.exec(el.getAttribute('data-testid') ?? '')?.[1]?.toLowerCase() === user.handle.toLowerCase(),
  ownMark: (user) => `[data-testid=${cssString(`feedItem-by-${user.handle}`)} i], [data-testid=${cssString(`postThreadItem-by-${user.handle}`)} i]`,
  mountPoint,
  enrich: (post, user) => enrichFromApi(post, user),
};

/**
 * The post's own controls row (reply, repost, like … post menu), where one more small button fits at the end.
 * Falls back to the item itself; never a quoted post's card.
 */
function mountPoint(el: Element): Element {
  const button = ownElements(el, CONTROL_BUTTON)[0];
  const menu = ownElements(el, CONTROL_MENU)[0];
  if (!button) return el;
  for (let n = button.parentElement; n && n !== el; n = n.parentElement) {
    if (!menu || n.contains(menu)) return n;
  }
  return el;
}
