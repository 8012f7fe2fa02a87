import { formatDisplayAmount, parseDisplayAmount } from '../../core/terms/amount';
import type { Terms } from '../../core/terms/terms';
import { termsToJson, type TermsJson } from '../../core/terms/terms-json';
import { validateTerms, type TermsIssue } from '../../core/terms/validate-terms';
import { USAGES, USER_CLASSES, type PaymentType, type Usage, type UserClass } from '../../core/terms/vocabulary';
import { durationChoice, durationSeconds } from './durations';

/** What the terms form edits: text as typed, so a half-typed price or day count is never lost. */
export interface TermsFormValues {
  uses: Usage[];
  users: UserClass[];
  /** ISO codes as typed, comma or space separated; empty is worldwide. */
  countries: string;
  payment: PaymentType;
  /** Display units ("0.02"). */
  price: string;
  creditRequired: boolean;
  credit: string;
  creditUrl: string;
  /** A DURATION_CHOICES value. */
  duration: string;
  customDays: string;
}

export type FormResult =
  | { ok: true; terms: TermsJson; value: Terms; warnings: TermsIssue[] }
  | { ok: false; errors: TermsIssue[] };

export function formFromTerms(t: TermsJson): TermsFormValues {
  const amount = BigInt(t.price.amount);
  const { choice, customDays } = durationChoice(BigInt(t.licenseDuration));
  return {
    // A use both permitted and prohibited is refused (RSL): show it unticked.
    uses: USAGES.filter((u) => t.permits.includes(u) && !t.prohibits.includes(u)),
    users: USER_CLASSES.filter((u) => t.users.includes(u)),
    countries: t.geo.join(', '),
    payment: t.payment,
    // A free licence stores 0: leave the field empty rather than suggest a price of 0.
    price: amount > 0n ? formatDisplayAmount(amount, t.price.decimals) : '',
    creditRequired: t.attribution.required,
    credit: t.attribution.credit ?? '',
    creditUrl: t.attribution.url ?? '',
    duration: choice,
    customDays,
  };
}

/** The country codes typed, split on commas, semicolons and spaces. */
export function countryTokens(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/**
 * The form as terms, checked by `validateTerms` (the same check the background makes). `base` gives what the
 * form does not show: the token, and uses refused outright (kept unless the person now allows them).
 * Issues carry validateTerms' field paths (`price.amount`, `geo`, …), so each shows next to its field.
 */
export function termsFromForm(form: TermsFormValues, base: TermsJson): FormResult {
  const local: TermsIssue[] = [];
  const paid = form.payment === 'purchase';
  let amount = '0';
  if (paid) {
    try {
      amount = parseDisplayAmount(form.price, base.price.decimals).toString();
    } catch (e) {
      local.push({ field: 'price.amount', message: e instanceof Error ? e.message : String(e) });
    }
  }
  const duration = durationSeconds(form.duration, form.customDays);
  if (!duration.ok) local.push({ field: 'licenseDuration', message: duration.message });
  // Credit details only count while credit is required; hidden fields must not end up in signed terms.
  const creditRequired = form.creditRequired || form.payment === 'attribution';
  const credit = form.credit.trim();
  const url = form.creditUrl.trim();
  const draft: TermsJson = {
    permits: USAGES.filter((u) => form.uses.includes(u)),
    prohibits: base.prohibits.filter((u) => !form.uses.includes(u)),
    users: USER_CLASSES.filter((u) => form.users.includes(u)),
    geo: countryTokens(form.countries),
    payment: form.payment,
    price: { ...base.price, amount },
    attribution: {
      required: creditRequired,
      ...(creditRequired && credit ? { credit } : {}),
      ...(creditRequired && url ? { url } : {}),
    },
    licenseDuration: duration.ok ? duration.seconds.toString() : '0',
  };
  const checked = validateTerms(draft);
  // One message per field: ours (about what was typed) before validateTerms' (about the placeholder we sent).
  const errors = [...local, ...(checked.ok ? [] : checked.errors.filter((e) => !local.some((l) => l.field === e.field)))];
  if (errors.length > 0 || !checked.ok) return { ok: false, errors };
  return { ok: true, terms: termsToJson(checked.value), value: checked.value, warnings: checked.warnings };
}
