import type { SiteAdapter } from '../../site-adapter';
import { currentXUser, identifyXPost, linkTo, outerElement, parseXPost } from './parse';
import { BAR_CARD_OR_POST, SEL } from './selectors';

/**
 * The outer post's action bar (reply, repost, like…), where a small button fits; never inside the
 * quoted post. Falls back to the post itself.
 */
function mountPoint(el: Element): Element {
  // The group around the first reply button, if that is the nearest group, card or post: a quoted post shows no
  // buttons, so this is the outer post's bar in three calls; anything else is looked for part by part.
  const around = el.querySelector(SEL.replyButton)?.closest(BAR_CARD_OR_POST);
  if (around && around !== el && around.matches(SEL.actionBar)) return around;
  const bar = outerElement(el, SEL.replyButton)?.closest(SEL.actionBar);
  if (bar && el.contains(bar)) return bar;
  return outerElement(el, SEL.actionBar) ?? el;
}

/** X (x.com, twitter.com). */
export const xAdapter: SiteAdapter = {
  platform: 'x',
  postSelector: SEL.post,
  currentUser: currentXUser,
  parse: parseXPost,
  // Looks no further into a post whose author line does not link to /<handle>.
  identify: identifyXPost,
  // The author line of an own post always links to /<handle>, so a cell without such a link holds no post of the user's.
  ownMark: (user) => linkTo(user.handle),
  // X's timeline, profile and thread are virtual lists of cells, each holding one post (or none).
  cellSelector: SEL.cell,
  mountPoint,
};
