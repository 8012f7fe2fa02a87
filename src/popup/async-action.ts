/**
 * The {pending, error} every store area keeps for its async actions, keyed by action so two forms on one
 * screen never show each other's spinner or error.
 */
export interface ActionStatus<A extends string> {
  pending: Partial<Record<A, boolean>>;
  errors: Partial<Record<A, string>>;
}

export type ActionResult<T> = { ok: true; value: T } | { ok: false };

type SetStatus<A extends string> = (fn: (s: ActionStatus<A>) => Partial<ActionStatus<A>>) => void;

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function idleStatus<A extends string>(): ActionStatus<A> {
  return { pending: {}, errors: {} };
}

/**
 * Runs `fn` as `action`: pending while it runs, its error (a sentence from the background, meant for people)
 * kept until the action runs again or `clearError` is called. Never throws: callers branch on `ok`.
 */
export async function runAction<A extends string, T>(set: SetStatus<A>, action: A, fn: () => Promise<T>): Promise<ActionResult<T>> {
  set((s) => ({ pending: { ...s.pending, [action]: true }, errors: { ...s.errors, [action]: undefined } }));
  try {
    const value = await fn();
    set((s) => ({ pending: { ...s.pending, [action]: false } }));
    return { ok: true, value };
  } catch (e) {
    set((s) => ({ pending: { ...s.pending, [action]: false }, errors: { ...s.errors, [action]: errorMessage(e) } }));
    return { ok: false };
  }
}

export function clearError<A extends string>(set: SetStatus<A>, action: A): void {
  set((s) => ({ errors: { ...s.errors, [action]: undefined } }));
}
