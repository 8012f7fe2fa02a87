import { Field } from '../field';
import { MIN_PASSWORD, type NewPasswordIssues } from './wallet-text';

/**
 * "New password" twice. Uncontrolled (read from the form on submit): the password lives in the input only,
 * never in React state.
 */
export function NewPasswordFields({ issues }: { issues: NewPasswordIssues }) {
  return (
    <>
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD}
        required
        hint={`At least ${MIN_PASSWORD} characters. It unlocks your wallet in this browser; if you forget it, your recovery phrase gets you back in.`}
        error={issues.password}
      />
      <Field label="Repeat new password" name="repeat" type="password" autoComplete="new-password" required error={issues.repeat} />
    </>
  );
}

/** Reads a form field as text ('' when absent). */
export function formText(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}
