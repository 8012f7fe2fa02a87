import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { BusyButton } from '../busy-button';
import { ErrorNote, Field, FieldError } from '../field';
import { formText, NewPasswordFields } from './new-password-fields';
import { looksLikeKeystore, newPasswordIssues, type NewPasswordIssues } from './wallet-text';
import { useWallet } from './wallet-store';

// A keystore v3 file is about 500 bytes; anything this big is not one.
const MAX_KEYSTORE_BYTES = 256 * 1024;

/** Import a recovery phrase, a private key or a keystore file. Secrets stay in the inputs, not in React state. */
export function ImportWallet({ onDone }: { onDone(notice: string | null): void }) {
  const importWallet = useWallet((s) => s.importWallet);
  const pending = useWallet((s) => s.pending.import);
  const error = useWallet((s) => s.errors.import);
  const clear = useWallet((s) => s.clearError);
  const secretRef = useRef<HTMLTextAreaElement>(null);
  const keystorePasswordRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const [isKeystore, setIsKeystore] = useState(false);
  const [secretIssue, setSecretIssue] = useState<string>();
  const [fileIssue, setFileIssue] = useState<string>();
  const [passwordIssues, setPasswordIssues] = useState<NewPasswordIssues>({});
  useEffect(() => () => clear('import'), [clear]);

  async function openFile(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // so choosing the same file again still fires
    if (!file || !secretRef.current) return;
    if (file.size > MAX_KEYSTORE_BYTES) return setFileIssue('This file is too large to be a keystore file.');
    const text = await file.text();
    if (!looksLikeKeystore(text)) return setFileIssue('This file is not a keystore file (those hold JSON, starting with "{").');
    setFileIssue(undefined);
    setSecretIssue(undefined);
    secretRef.current.value = text;
    setIsKeystore(true);
    // The next thing to type is the file's own password.
    requestAnimationFrame(() => keystorePasswordRef.current?.focus());
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const secret = formText(form, 'secret');
    const password = formText(form, 'password');
    const issues = newPasswordIssues(password, formText(form, 'repeat'));
    const noSecret = secret.trim() === '' ? 'Paste a recovery phrase, a private key or a keystore file.' : undefined;
    setSecretIssue(noSecret);
    setPasswordIssues(issues);
    if (noSecret || issues.password || issues.repeat) return;
    const keystorePassword = looksLikeKeystore(secret) ? formText(form, 'secretPassword') : undefined;
    if (await importWallet(secret, password, keystorePassword)) onDone('Wallet imported and unlocked.');
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Import a wallet</h3>
      <p className="muted">Bring a wallet you already have. What you paste is encrypted with your new password and stays in this browser.</p>
      <div className="field">
        <label htmlFor={`${id}-secret`}>Recovery phrase, private key or keystore file</label>
        <textarea
          id={`${id}-secret`}
          ref={secretRef}
          name="secret"
          rows={3}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={secretIssue ? true : undefined}
          aria-describedby={`${id}-secret-hint${secretIssue ? ` ${id}-secret-error` : ''}`}
          onInput={(ev) => setIsKeystore(looksLikeKeystore(ev.currentTarget.value))}
        />
        <p id={`${id}-secret-hint`} className="hint">
          12 or 24 words, a 64-character private key, or the text of a keystore (.json) file.
        </p>
        <FieldError id={`${id}-secret-error`} message={secretIssue} />
      </div>
      <div className="file-pick">
        <label className="button" htmlFor={`${id}-file`}>
          Open a keystore file…
        </label>
        <input id={`${id}-file`} className="visually-hidden" type="file" accept=".json,application/json" onChange={(ev) => void openFile(ev)} />
        <FieldError message={fileIssue} />
      </div>
      {isKeystore && (
        <Field
          ref={keystorePasswordRef}
          label="Keystore password"
          name="secretPassword"
          type="password"
          autoComplete="off"
          hint="The password the keystore file was saved with."
        />
      )}
      <NewPasswordFields issues={passwordIssues} />
      <ErrorNote message={error} />
      {pending && isKeystore && <p className="hint">Opening a keystore file takes a few seconds.</p>}
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={pending} busyLabel="Importing…">
          Import wallet
        </BusyButton>
        <button type="button" onClick={() => onDone(null)} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
