import type { ConsentState } from '../core/consent';
import type { Platform } from '../core/platform';
import type { PostReport } from '../core/post';

/** Who may send a message: a content script on the platform's own pages, or one of our extension pages. */
export type SenderKind = 'content' | 'extension-page';

/**
 * The whole message protocol: one map from name to request, response and allowed sender.
 * The background's handler object must cover every name (the compiler checks it).
 */
export interface Protocol {
  /** A content script saw one of the user's own posts and the user clicked its control. */
  'post.consent': { req: { report: PostReport; optIn: boolean }; res: { state: ConsentState }; from: 'content' };
  /** The popup changes the consent of a post already captured. */
  'post.setConsent': {
    req: { platform: Platform; postId: string; optIn: boolean };
    res: { state: ConsentState };
    from: 'extension-page';
  };
  /** The popup switches a site on or off. */
  'site.setEnabled': { req: { platform: Platform; enabled: boolean }; res: { enabled: boolean }; from: 'extension-page' };
}

export type MessageName = keyof Protocol;
export type Req<N extends MessageName> = Protocol[N]['req'];
export type Res<N extends MessageName> = Protocol[N]['res'];

export const MESSAGE_SENDERS: { [N in MessageName]: Protocol[N]['from'] } = {
  'post.consent': 'content',
  'post.setConsent': 'extension-page',
  'site.setEnabled': 'extension-page',
};

export interface Envelope<N extends MessageName = MessageName> {
  type: N;
  payload: Req<N>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
