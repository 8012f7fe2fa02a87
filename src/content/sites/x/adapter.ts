import type { SiteAdapter } from '../../site-adapter';
import { authorLineLinks, currentXUser, identifyXPost, linkTo, outerElement, parseXPost } from './parse';
import { SEL } from './selectors';

/**
 * The outer post's action bar (reply, repost, like…), where a small button fits; never inside the
 * quoted post. Falls back to the post itself.
 */
function mountPoint(el: Element): Element {
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
  identify: identifyXPost,
  // The author line of an own post always links to /<handle>; most posts have no such link at all.
  mayBeOwn: (el, user) => authorLineLinks(el, user.handle),
  // …so a cell without a link to /<handle> anywhere in it holds no post of the user's.
  ownMark: (user) => linkTo(user.handle),
  // X's timeline, profile and thread are virtual lists of cells, each holding one post (or none).
  cellSelector: SEL.cell,
  mountPoint,
};
