import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { TermsJson } from '../../core/terms/terms-json';
import { BusyButton } from '../busy-button';
import { ErrorNote } from '../field';
import { CreditFields } from './credit-fields';
import { formFromTerms, termsFromForm, type TermsFormValues } from './form-values';
import { PaymentFields } from './payment-fields';
import { TermsPreview } from './terms-preview';
import { UseFields } from './use-fields';
import { WhereWhenFields } from './where-when-fields';

// The fields the form shows; an issue about anything else (the token, say) is listed above the buttons.
const SHOWN = ['permits', 'users', 'geo', 'payment', 'price.amount', 'attribution', 'attribution.required', 'attribution.credit', 'attribution.url', 'licenseDuration'];

export interface TermsFormProps {
  initial: TermsJson;
  saveLabel: string;
  /** Shown once saved. */
  savedMessage: string;
  pending: boolean | undefined;
  /** The background's refusal, shown as is. */
  error: string | undefined;
  onSave(terms: TermsJson): Promise<boolean>;
  /** Also save terms that equal `initial` (a post taking the site's terms as its own). */
  saveUnchanged?: boolean;
  onCancel?: () => void;
}

/** The licence terms editor, for a site's default and for one post. Checks with `validateTerms` as you type. */
export function TermsForm({ initial, saveLabel, savedMessage, pending, error, onSave, saveUnchanged, onCancel }: TermsFormProps) {
  const initialKey = JSON.stringify(initial);
  const pristine = useMemo(() => formFromTerms(JSON.parse(initialKey) as TermsJson), [initialKey]);
  const [form, setForm] = useState<TermsFormValues>(pristine);
  const [note, setNote] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // New terms from the background (after a save, normalised) replace the form; a record update that leaves
  // the terms alone (an offer being published) does not, so edits survive it.
  useEffect(() => setForm(pristine), [pristine]);

  const result = useMemo(() => termsFromForm(form, initial), [form, initial]);
  const issues = result.ok ? [] : result.errors;
  const issue = (field: string) => issues.find((i) => i.field === field)?.message;
  const other = issues.filter((i) => !SHOWN.includes(i.field));
  const dirty = JSON.stringify(form) !== JSON.stringify(pristine);

  const update = (patch: Partial<TermsFormValues>) => {
    setForm((f) => ({ ...f, ...patch }));
    setNote(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!result.ok) {
      setNote('Fix the marked fields first.');
      focusFirstInvalid(formRef.current);
      return;
    }
    if (!dirty && !saveUnchanged) return setNote('No changes to save.');
    if (await onSave(result.terms)) setNote(savedMessage);
  }

  const sectionProps = { form, update, issue, disabled: pending };
  return (
    <form ref={formRef} className="terms-form stack" onSubmit={(e) => void submit(e)} noValidate>
      <UseFields {...sectionProps} />
      <PaymentFields {...sectionProps} symbol={initial.price.symbol} />
      <CreditFields {...sectionProps} />
      <WhereWhenFields {...sectionProps} />
      <TermsPreview result={result} />
      {other.map((i) => (
        <p key={`${i.field}:${i.message}`} className="field-error">
          {i.message}
        </p>
      ))}
      <ErrorNote message={error} />
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={pending} busyLabel="Saving…">
          {saveLabel}
        </BusyButton>
        {dirty && (
          <button type="button" onClick={() => update(pristine)} disabled={pending}>
            Discard changes
          </button>
        )}
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        )}
      </div>
      {note && (
        <p className={note === savedMessage ? 'ok' : 'hint'} role="status">
          {note}
        </p>
      )}
    </form>
  );
}

/** Take the person to the first marked field (for a group of checkboxes, its first box). */
function focusFirstInvalid(form: HTMLFormElement | null): void {
  const marked = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = marked?.matches('input, select, textarea') ? marked : marked?.querySelector<HTMLElement>('input, select, textarea');
  target?.focus();
}
