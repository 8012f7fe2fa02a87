import { PLATFORM_INFO, isPlatform, isPlatformUrl } from '../core/platform';
import { MESSAGE_SENDERS, type MessageName } from './protocol';

/** What a handler learns about the sender once it has been checked. */
export interface CheckedSender {
  kind: 'content' | 'extension-page';
  /** Page URL for content scripts. */
  url: string;
}

/** Who we are: our extension id and the origin of our own pages (`chrome-extension://<id>/`). */
export interface Self {
  id: string;
  origin: string;
}

/** The parts of runtime.MessageSender the checks read. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
  frameId?: number;
}

function senderKind(sender: SenderInfo, self: Self): CheckedSender | null {
  if (sender.id !== self.id || !sender.url) return null;
  if (sender.url.startsWith(self.origin)) return { kind: 'extension-page', url: sender.url };
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
  sender: SenderInfo,
  self: Self,
): { ok: true; type: MessageName; payload: unknown; sender: CheckedSender } | { ok: false; error: string } {
  if (typeof message !== 'object' || message === null) return { ok: false, error: 'message: not an object' };
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGE_SENDERS, type)) return { ok: false, error: 'message: unknown type' };
  const name = type as MessageName;
  const checked = senderKind(sender, self);
  if (!checked || checked.kind !== MESSAGE_SENDERS[name]) return { ok: false, error: `${name}: sender not allowed` };
  if (checked.kind === 'content') {
    const platform = (payload as { report?: { platform?: unknown } } | undefined)?.report?.platform;
    if (!isPlatform(platform) || !isPlatformUrl(platform, checked.url))
      return { ok: false, error: `${name}: page is not on ${isPlatform(platform) ? PLATFORM_INFO[platform].name : 'a supported site'}` };
  }
  return { ok: true, type: name, payload, sender: checked };
}

