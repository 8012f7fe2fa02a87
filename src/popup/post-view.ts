// The words of the posts screen, shared by the React components and the plain first screen (first-screen.ts),
// so the two draw exactly the same thing. No React here: this loads with the popup's tiny entry script.
import { optedInAt } from '../core/consent';
import type { PostRecord } from '../core/post';

export const TAGLINE = 'Your posts, your terms: choose which of your posts AI may learn from.';

let dateFormat: Intl.DateTimeFormat | null = null;

/**
 * The date format, made on first use. The first Intl object in a fresh browser process takes tens of
 * milliseconds (ICU loads its locale data): the first screen has it made while its storage read is on the way
 * (early-load.ts), not before it starts.
 */
export function prepareDateFormat(): Intl.DateTimeFormat {
  return (dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
}

export function formatTime(iso: string | null): string {
  if (!iso) return 'time unknown';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 'time unknown' : prepareDateFormat().format(t);
}

/** The tooltip of an offer line: when it reached its state. */
export function offerTitle(when: string): string | undefined {
  const t = Date.parse(when);
  return Number.isNaN(t) ? undefined : prepareDateFormat().format(t);
}

/** The consent chip: "Licensed since …" or "Withdrawn", and a note when only part of the text was captured. */
export function consentChip(rec: PostRecord): string {
  const since = optedInAt(rec.consent);
  const state = rec.consent.state === 'in' ? `Licensed${since ? ` since ${formatTime(since)}` : ''}` : 'Withdrawn';
  return rec.post.truncated ? `${state} · text incomplete: open the post to capture all of it` : state;
}

export function consentButton(rec: PostRecord): string {
  return rec.consent.state === 'in' ? 'Opt out' : 'Opt in again';
}

export function siteHint(on: boolean): string {
  return on ? 'License buttons show on your own posts.' : 'Off: no buttons, nothing captured.';
}

export const NO_LICENSED = 'No licensed posts. Choose “All” to see the ones you withdrew.';

export function showMore(left: number): string {
  return `Show more (${left} left)`;
}
