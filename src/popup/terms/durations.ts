/** How long a bought licence lasts: a few plain choices, or a number of days. */

const DAY = 86_400n;
/** The longest custom licence: 100 years. Longer than that is "Forever" in all but name. */
export const MAX_CUSTOM_DAYS = 36_500n;

export const CUSTOM = 'custom';

/** Select values are seconds as strings. A month is 30 days and a year 365: a licence counts seconds, not calendars. */
export const DURATION_CHOICES: readonly { value: string; label: string }[] = [
  { value: '0', label: 'Forever' },
  { value: String(30n * DAY), label: '1 month' },
  { value: String(365n * DAY), label: '1 year' },
  { value: String(730n * DAY), label: '2 years' },
  { value: CUSTOM, label: 'Custom (days)' },
];

/**
 * The choice that shows `seconds`, with the day count for a custom one. A length that is not whole days
 * (never set from this form) is shown rounded to the nearest day, at least one.
 * @example durationChoice(31_536_000n) // { choice: '31536000', customDays: '' }
 */
export function durationChoice(seconds: bigint): { choice: string; customDays: string } {
  const preset = DURATION_CHOICES.find((c) => c.value === String(seconds));
  if (preset) return { choice: preset.value, customDays: '' };
  const days = (seconds + DAY / 2n) / DAY;
  return { choice: CUSTOM, customDays: String(days > 0n ? days : 1n) };
}

export type DurationResult = { ok: true; seconds: bigint } | { ok: false; message: string };

/**
 * Seconds for a choice; for a custom one, the typed number of days (a whole number from 1 to 36,500).
 * @example durationSeconds('custom', '90') // { ok: true, seconds: 7776000n }
 */
export function durationSeconds(choice: string, customDays: string): DurationResult {
  if (choice !== CUSTOM) {
    return DURATION_CHOICES.some((c) => c.value === choice) ? { ok: true, seconds: BigInt(choice) } : { ok: false, message: 'Choose how long a licence lasts.' };
  }
  const text = customDays.trim();
  if (text === '') return { ok: false, message: 'Enter a number of days.' };
  if (!/^\d+$/.test(text)) return { ok: false, message: 'Days must be a whole number, like 90.' };
  const days = BigInt(text);
  if (days === 0n) return { ok: false, message: 'A licence must last at least 1 day. For no end, choose Forever.' };
  if (days > MAX_CUSTOM_DAYS) return { ok: false, message: 'At most 36500 days (100 years). For no end, choose Forever.' };
  return { ok: true, seconds: days * DAY };
}
