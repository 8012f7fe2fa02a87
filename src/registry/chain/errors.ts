import { BaseError, HttpRequestError, SocketClosedError, TimeoutError } from 'viem';

/** True if the RPC could not be reached or did not answer (down, refusing, timing out, an HTTP error status). */
export function isUnreachable(e: unknown): boolean {
  return e instanceof BaseError && e.walk((x) => x instanceof HttpRequestError || x instanceof TimeoutError || x instanceof SocketClosedError) !== null;
}

/**
 * One line saying what went wrong, without the request body viem appends (it can be a whole signed
 * transaction) and without the RPC URL, which for hosted providers carries an API key.
 */
export function describeError(e: unknown, rpcUrl?: string): string {
  let text: string;
  if (e instanceof BaseError) {
    const cause = e.walk((x) => x instanceof HttpRequestError) as HttpRequestError | null;
    const detail = cause?.status ? `HTTP ${cause.status}` : (e.details || '').split('\n')[0];
    text = detail && !e.shortMessage.includes(detail) ? `${e.shortMessage} (${detail})` : e.shortMessage;
  } else text = e instanceof Error ? e.message : String(e);
  text = text.split('\n')[0]!;
  return rpcUrl ? text.split(rpcUrl).join(redactedUrl(rpcUrl)) : text;
}

/** The RPC URL as it may be shown: origin only (a provider's key usually sits in the path or query). */
export function redactedUrl(rpcUrl: string): string {
  try {
    const u = new URL(rpcUrl);
    return u.pathname === '/' && !u.search && !u.username ? u.origin : `${u.origin}/…`;
  } catch {
    return 'the RPC';
  }
}
