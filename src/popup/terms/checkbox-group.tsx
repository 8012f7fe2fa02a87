import { useId, type ReactNode } from 'react';
import { FieldError, Hint } from '../field';

interface Props<T extends string> {
  legend: ReactNode;
  options: readonly T[];
  labels: Record<T, string>;
  checked: readonly T[];
  onChange(checked: T[]): void;
  hint?: ReactNode;
  error?: string | undefined;
  disabled?: boolean | undefined;
}

/** A fieldset of checkboxes over a fixed vocabulary; the result keeps the vocabulary's order. */
export function CheckboxGroup<T extends string>({ legend, options, labels, checked, onChange, hint, error, disabled }: Props<T>) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="group" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <div className="checks">
        {options.map((option) => (
          <label key={option} className="check">
            <input
              type="checkbox"
              checked={checked.includes(option)}
              disabled={disabled}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                onChange(options.filter((o) => (o === option ? on : checked.includes(o))));
              }}
            />
            {labels[option]}
          </label>
        ))}
      </div>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
