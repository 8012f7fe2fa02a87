import { Field, FieldError } from '../field';
import type { SectionProps } from './section-props';

/** Whether buyers must credit the author, and how. "Free with credit" always requires it. */
export function CreditFields({ form, update, issue, disabled }: SectionProps) {
  const forced = form.payment === 'attribution';
  const required = forced || form.creditRequired;
  return (
    <fieldset className="group">
      <legend>Credit</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={required}
          disabled={disabled || forced}
          onChange={(e) => update({ creditRequired: e.currentTarget.checked })}
        />
        Require credit
      </label>
      {forced && <p className="hint">Free with credit always requires it.</p>}
      <FieldError message={issue('attribution') ?? issue('attribution.required')} />
      {required && (
        <>
          <Field
            label="Credit line"
            placeholder="Ana Example (@ana)"
            maxLength={200}
            value={form.credit}
            onChange={(e) => update({ credit: e.currentTarget.value })}
            error={issue('attribution.credit')}
            disabled={disabled}
          />
          <Field
            label="Credit link (URL)"
            type="url"
            placeholder="https://…"
            value={form.creditUrl}
            onChange={(e) => update({ creditUrl: e.currentTarget.value })}
            error={issue('attribution.url')}
            disabled={disabled}
          />
        </>
      )}
    </fieldset>
  );
}
