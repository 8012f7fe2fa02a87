/** What came back from the registry: accepted, refused for good (4xx: the input is wrong), or worth a retry. */
export type RegistryResult =
  | { kind: 'accepted'; status: number; body: unknown }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'unreachable'; message: string };

const TIMEOUT_MS = 15_000;

/** POST a JSON body (already serialised: a retry sends the very same bytes). Never throws. */
export async function postJson(url: string, body: string): Promise<RegistryResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    const why = e instanceof Error && e.name === 'TimeoutError' ? 'no answer in 15 s' : 'cannot connect';
    return { kind: 'unreachable', message: `The registry is unreachable (${why}).` };
  }
  const text = await res.text().catch(() => '');
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // an HTML error page from a proxy, say
  }
  if (res.ok) return { kind: 'accepted', status: res.status, body: parsed };
  const message =
    typeof (parsed as { error?: unknown } | null)?.error === 'string' ? (parsed as { error: string }).error : `HTTP ${res.status}`;
  // 408, 429 and 5xx say "not now", not "never".
  if (res.status === 408 || res.status === 429 || res.status >= 500)
    return { kind: 'unreachable', message: `The registry is not accepting offers right now (${message}).` };
  return { kind: 'refused', status: res.status, message: `The registry refused it: ${message}` };
}
