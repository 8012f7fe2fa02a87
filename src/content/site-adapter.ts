import type { Platform } from '../core/platform';
import type { PostReport } from '../core/post';

/** Who is logged in on the page. */
export interface SiteUser {
  /** Handle without '@', as the site spells it (compare case-insensitively). */
  handle: string;
  /** A stable account id where the site exposes one (Bluesky DID). */
  id?: string;
}

/** What `parse` extracts from one post element. Pure data; no DOM references. */
export interface ParsedPost extends Omit<PostReport, 'platform'> {
  /**
   * True when the element shows a post that is not the author's own original content
   * in the author's own right: a promoted post/ad.
   */
  promoted: boolean;
}

/** Which post an element shows and whose it is: all the driver needs to show a control and its state. */
export type PostIdentity = Pick<ParsedPost, 'postId' | 'author' | 'promoted'>;

/** What `identify` gives: the post's identity, and where its control goes when identify came across that place. */
export interface Identified extends PostIdentity {
  /** Inside the post element, where the control is mounted; without it the driver asks `mountPoint`. */
  mountAt?: Element;
}

/**
 * One social site. Everything site-specific lives behind this interface, in `sites/<name>/`:
 * `selectors.ts` (every selector), `parse.ts` (pure, tested on saved HTML), `index.ts` (wiring).
 */
export interface SiteAdapter {
  platform: Platform;
  /** CSS selector matching every post container the driver should consider (outer posts only). */
  postSelector: string;
  /** The logged-in user, or null while the page does not show one yet. Must be cheap: called per batch. */
  currentUser(doc: Document): SiteUser | null;
  /**
   * Parse one element matched by `postSelector`. Returns null when the element is not a complete post
   * (markup changed, placeholder, still loading). Must never throw on malformed markup.
   * `loc` is the page URL (a post's own page takes its id from the URL on some sites).
   */
  parse(el: Element, loc: URL): ParsedPost | null;
  /**
   * Optional cheap form of `parse` for deciding where controls go: for a post of `user`'s, the same `postId`,
   * `author` and `promoted` as `parse` (and null exactly when it is), without reading text and media; null for a
   * post that is certainly not `user`'s. It runs on every post the page adds, and most posts on a timeline are
   * someone else's: those should cost next to nothing. With it, `parse` runs only when the user clicks a control,
   * so the capture holds the post as it is shown at that moment. It may also say where the control goes, when it
   * found that place on its way (`mountAt`): the driver then does not ask `mountPoint`.
   */
  identify?(el: Element, loc: URL, user: SiteUser): Identified | null;
  /**
   * Optional: a CSS selector that matches, in every own post of `user`, the post element or something inside it
   * (no false negatives). The driver looks no further into a subtree the page adds that has no match (one query
   * per added subtree instead of a look at each post in it): on a timeline most cells are someone else's.
   */
  ownMark?(user: SiteUser): string;
  /**
   * Optional: true when `ownMark` matches the user's post elements themselves, and no marked element holds
   * another (anything else it matches is looked at from the post around it, if any). The driver then takes the
   * posts of an added subtree from that one query, instead of looking for every post in it.
   */
  ownMarkIsPost?: boolean;
  /**
   * Optional: a CSS selector for the containers a list adds one at a time and that hold at most one post each
   * (a virtual list's cells). In an added cell the driver looks for that one post with a query that stops at it,
   * instead of searching the whole cell for more.
   */
  cellSelector?: string;
  /** Where inside the post element the control is mounted (the driver appends its host there), unless identify said. */
  mountPoint(el: Element): Element;
  /**
   * Optional: complete a post before capture (e.g. Bluesky: canonical text and time from the public API).
   * Called only when the user opts a post in. Must fall back to `post` when the network fails.
   */
  enrich?(post: ParsedPost, user: SiteUser): Promise<ParsedPost>;
}

/** `value` as a quoted CSS attribute value: `[a=${cssString(v)}]` matches exactly `v`, whatever it holds. */
export function cssString(value: string): string {
  // Every character a handle does not hold as a hex escape (`\22 ` for `"`): nothing can end the string early.
  return `"${value.replace(/[^A-Za-z0-9._@:/-]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

/** The one rule for "is this the user's own post": same handle (exact, case-insensitive) and not an ad. */
export function isOwnPost(post: PostIdentity, user: SiteUser): boolean {
  return !post.promoted && post.author.toLowerCase() === user.handle.toLowerCase();
}
