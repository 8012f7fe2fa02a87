import { PLATFORM_INFO, isPlatform, isPlatformUrl } from '../core/platform';
import { browser, type Runtime } from './browser';
import { MESSAGE_SENDERS, type MessageName, type Reply, type Req, type Res } from './protocol';

/** What a handler learns about the sender once it has been checked. */
export interface CheckedSender {
  kind: 'content' | 'extension-page';
  /** Page URL for content scripts. */
  url: string;
}

export type Handlers = {
  [N in MessageName]: (payload: Req<N>, sender: CheckedSender) => Promise<Res<N>>;
};

function senderKind(sender: Runtime.MessageSender): CheckedSender | null {
  if (sender.id !== browser.runtime.id || !sender.url) return null;
  const ownOrigin = browser.runtime.getURL('');
  if (sender.url.startsWith(ownOrigin)) return { kind: 'extension-page', url: sender.url };
  // Content scripts: only the top frame of a tab.
  if (sender.tab && sender.frameId === 0) return { kind: 'content', url: sender.url };
  return null;
}

/**
 * Check one incoming message before any handler sees it: known name, allowed sender kind, and, for content
 * scripts, a page on the host of the platform the payload names. Everything else is refused.
 */
export function checkMessage(
  message: unknown,
  sender: Runtime.MessageSender,
): { ok: true; type: MessageName; payload: unknown; sender: CheckedSender } | { ok: false; error: string } {
  if (typeof message !== 'object' || message === null) return { ok: false, error: 'message: not an object' };
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGE_SENDERS, type)) return { ok: false, error: 'message: unknown type' };
  const name = type as MessageName;
  const checked = senderKind(sender);
  if (!checked || checked.kind !== MESSAGE_SENDERS[name]) return { ok: false, error: `${name}: sender not allowed` };
  if (checked.kind === 'content') {
    const platform = (payload as { report?: { platform?: unknown } } | undefined)?.report?.platform;
    if (!isPlatform(platform) || !isPlatformUrl(platform, checked.url))
      return { ok: false, error: `${name}: page is not on ${isPlatform(platform) ? PLATFORM_INFO[platform].name : 'a supported site'}` };
  }
  return { ok: true, type: name, payload, sender: checked };
}

/** Register the one message listener. Call at the top level of the worker, synchronously. */
export function serve(handlers: Handlers, onError: (error: unknown) => void = console.error): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const checked = checkMessage(message, sender);
    if (!checked.ok) return Promise.resolve<Reply<never>>({ ok: false, error: checked.error });
    const handler = handlers[checked.type] as (p: unknown, s: CheckedSender) => Promise<unknown>;
    return handler(checked.payload, checked.sender).then(
      (value): Reply<unknown> => ({ ok: true, value }),
      (error: unknown): Reply<unknown> => {
        onError(error);
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      },
    );
  });
}

export type { Req, Res };
