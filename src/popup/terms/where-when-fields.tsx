import { useId } from 'react';
import { countryName, isGeoCode } from '../../core/terms/countries';
import { Field, FieldError } from '../field';
import { CUSTOM, DURATION_CHOICES } from './durations';
import { countryTokens } from './form-values';
import type { SectionProps } from './section-props';

/** Where the licence applies (countries) and how long a bought licence lasts. */
export function WhereWhenFields({ form, update, issue, disabled }: SectionProps) {
  const id = useId();
  const durationError = issue('licenseDuration');
  // Names of the codes typed so far, so "AT" is seen to be Austria, not Australia.
  const names = countryTokens(form.countries)
    .map((code) => code.toUpperCase())
    .filter(isGeoCode)
    .map(countryName);
  return (
    <>
      <Field
        label="Countries"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="Anywhere in the world"
        value={form.countries}
        onChange={(e) => update({ countries: e.currentTarget.value })}
        hint={
          names.length > 0 ? (
            <>Only in: {names.join(', ')}</>
          ) : (
            'Two-letter codes such as DE, FR or EU, separated by commas. Empty: anywhere in the world.'
          )
        }
        error={issue('geo')}
        disabled={disabled}
      />
      <div className="field">
        <label htmlFor={`${id}-duration`}>Licence duration</label>
        <select
          id={`${id}-duration`}
          value={form.duration}
          disabled={disabled}
          aria-describedby={`${id}-duration-hint${durationError && form.duration !== CUSTOM ? ` ${id}-duration-error` : ''}`}
          onChange={(e) => update({ duration: e.currentTarget.value })}
        >
          {DURATION_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {form.duration === CUSTOM && (
          <Field
            className="days"
            label="Days"
            inputMode="numeric"
            autoComplete="off"
            value={form.customDays}
            onChange={(e) => update({ customDays: e.currentTarget.value })}
            error={durationError}
            disabled={disabled}
          />
        )}
        <p id={`${id}-duration-hint`} className="hint">
          How long a buyer may use a post they bought.
        </p>
        {form.duration !== CUSTOM && <FieldError id={`${id}-duration-error`} message={durationError} />}
      </div>
    </>
  );
}
