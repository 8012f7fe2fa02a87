/** Consent for one post: the current state and every change, so the user can see when they said what. */
export type ConsentState = 'in' | 'out';
/** Where the user changed it: the control on the site's page, or the popup. */
export type ConsentVia = 'page' | 'popup';

export interface ConsentEvent {
  state: ConsentState;
  /** ISO time of the change. */
  at: string;
  via: ConsentVia;
}

export interface ConsentRecord {
  state: ConsentState;
  /** Oldest first. Never rewritten, only appended to. */
  history: ConsentEvent[];
}

/** Keep the history bounded: a post toggled thousands of times should not grow without end. */
export const MAX_CONSENT_HISTORY = 100;

/**
 * The record after the user asks for `state`. Asking for the current state changes nothing and returns the
 * same record (so a double click or a replayed message is harmless).
 */
export function applyConsent(
  record: ConsentRecord | undefined,
  state: ConsentState,
  at: Date,
  via: ConsentVia,
): ConsentRecord {
  if (record && record.state === state) return record;
  if (!record && state === 'out') return { state: 'out', history: [] };
  const history = [...(record?.history ?? []), { state, at: at.toISOString(), via }];
  return { state, history: history.slice(-MAX_CONSENT_HISTORY) };
}

/** When the user last opted in, or null if never. */
export function optedInAt(record: ConsentRecord): string | null {
  for (let i = record.history.length - 1; i >= 0; i--) {
    const e = record.history[i]!;
    if (e.state === 'in') return e.at;
  }
  return null;
}
