import { browser, type Runtime } from './browser';
import { checkMessage, type CheckedSender } from './check-message';
import type { MessageName, Reply, Req, Res } from './protocol';

export type Handlers = {
  [N in MessageName]: (payload: Req<N>, sender: CheckedSender) => Promise<Res<N>>;
};

/** Register the one message listener. Call at the top level of the worker, synchronously. */
export function serve(handlers: Handlers, onError: (error: unknown) => void = console.error): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const checked = checkMessage(message, sender, { id: browser.runtime.id, origin: browser.runtime.getURL('') });
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
