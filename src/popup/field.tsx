import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  /** Shown under the field, and announced with it. */
  hint?: ReactNode;
  /** Shown under the field in the error style; marks the input invalid. */
  error?: string | undefined;
  /** Text after the input, e.g. a token symbol. */
  suffix?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose hint and error are tied to it (aria-describedby), so screen readers read them with it. */
export function Field({ label, hint, error, suffix, className, ref, ...input }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', suffix ? `${id}-suffix` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-input">
        <input ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...input} />
        {suffix && (
          <span id={`${id}-suffix`} className="suffix">
            {suffix}
          </span>
        )}
      </div>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** An error under a field or group; nothing when there is none. */
export function FieldError({ id, message }: { id?: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/** An action's failure, announced when it appears. */
export function ErrorNote({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}

/** A field's or group's hint, tied to it by `id` (aria-describedby); nothing when there is none. */
export function Hint({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="hint">
      {children}
    </p>
  );
}

/** What a screen shows while its data is read: a busy line, or the reason it could not be read and "Try again". */
export function Reading({ busy, failed, onRetry }: { busy: string; failed: string | null | undefined; onRetry: () => void }) {
  if (!failed) {
    return (
      <p className="muted" aria-busy="true">
        {busy}
      </p>
    );
  }
  return (
    <div className="stack">
      <ErrorNote message={failed} />
      <div className="actions">
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    </div>
  );
}
