import { useId } from 'react';
import { PAYMENT_TYPES } from '../../core/terms/vocabulary';
import { Field, FieldError } from '../field';
import { PAYMENT_LABELS } from './labels';
import type { SectionProps } from './section-props';

/** How buyers pay: per post in the network's token, nothing, or credit. */
export function PaymentFields({ form, update, issue, disabled, symbol }: SectionProps & { symbol: string }) {
  const name = useId();
  const error = issue('payment');
  return (
    <fieldset className="group" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>Payment</legend>
      <div className="checks">
        {PAYMENT_TYPES.map((type) => (
          <label key={type} className="check">
            <input
              type="radio"
              name={name}
              value={type}
              checked={form.payment === type}
              disabled={disabled}
              onChange={() => update({ payment: type })}
            />
            {PAYMENT_LABELS[type]}
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} message={error} />
      {form.payment === 'purchase' && (
        <Field
          className="price"
          label="Price per post"
          inputMode="decimal"
          autoComplete="off"
          value={form.price}
          onChange={(e) => update({ price: e.currentTarget.value })}
          suffix={symbol}
          hint="What a buyer pays you for one post, once."
          error={issue('price.amount')}
          disabled={disabled}
        />
      )}
      {form.payment === 'attribution' && <p className="hint">Buyers pay nothing but must credit you as set below.</p>}
    </fieldset>
  );
}
