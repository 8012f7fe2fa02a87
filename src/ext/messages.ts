import { browser } from './browser';
import type { MessageName, Reply, Req, Res } from './protocol';

/** Send one message to the background and unwrap its reply; a refusal becomes an Error with its reason. */
export async function send<N extends MessageName>(type: N, payload: Req<N>): Promise<Res<N>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<Res<N>> | undefined;
  if (!reply) throw new Error('Consentry did not answer; reload the page and try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
