import { useEffect, useState, type FormEvent } from 'react';
import { BusyButton } from '../busy-button';
import { ErrorNote, Field } from '../field';
import { formText, NewPasswordFields } from './new-password-fields';
import { PhraseList } from './phrase-list';
import { newPasswordIssues, type NewPasswordIssues } from './wallet-text';
import { useWallet, type NewPhrase } from './wallet-store';

interface Props {
  onDone(notice: string | null): void;
}

/**
 * Create a wallet: show the new phrase once, then ask a few of its words back with a new password.
 * The phrase lives in this component's state only, and goes when it unmounts (done, cancelled or popup closed).
 */
export function CreateWallet({ onDone }: Props) {
  const createBegin = useWallet((s) => s.createBegin);
  const beginError = useWallet((s) => s.errors.createBegin);
  const clear = useWallet((s) => s.clearError);
  const [phrase, setPhrase] = useState<NewPhrase | null>(null);
  const [step, setStep] = useState<'words' | 'confirm'>('words');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // Ignore a late answer after unmount (and React's development double-run of effects).
    let live = true;
    void createBegin().then((p) => live && setPhrase(p));
    return () => {
      live = false;
    };
  }, [createBegin, attempt]);
  useEffect(() => () => clear('createBegin'), [clear]);

  if (!phrase) {
    return beginError ? (
      <div className="stack">
        <ErrorNote message={beginError} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
        </div>
      </div>
    ) : (
      <p className="muted" aria-busy="true">
        Making your recovery phrase…
      </p>
    );
  }

  if (step === 'words') {
    return (
      <div className="stack">
        <h3>Your recovery phrase</h3>
        <p className="warning" role="note">
          Write these {phrase.mnemonic.trim().split(/\s+/).length} words on paper, in this order, and keep it somewhere safe. They are
          the only way back into your wallet if you forget your password or lose this browser. Anyone who has them can take what your
          wallet holds, so never type them into a website or share them. You will not see them here again.
        </p>
        <PhraseList mnemonic={phrase.mnemonic} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => setStep('confirm')}>
            I have written it down
          </button>
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  return <ConfirmPhrase positions={phrase.confirm} onBack={() => setStep('words')} onDone={onDone} />;
}

function ConfirmPhrase({ positions, onBack, onDone }: { positions: number[]; onBack(): void; onDone: Props['onDone'] }) {
  const createConfirm = useWallet((s) => s.createConfirm);
  const pending = useWallet((s) => s.pending.createConfirm);
  const error = useWallet((s) => s.errors.createConfirm);
  const clear = useWallet((s) => s.clearError);
  const [wordIssues, setWordIssues] = useState<Record<number, string>>({});
  const [passwordIssues, setPasswordIssues] = useState<NewPasswordIssues>({});
  useEffect(() => () => clear('createConfirm'), [clear]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const answers: Record<string, string> = {};
    const missing: Record<number, string> = {};
    for (const p of positions) {
      answers[String(p)] = formText(form, `word-${p}`).trim();
      if (!answers[String(p)]) missing[p] = `Type word #${p}.`;
    }
    const issues = newPasswordIssues(formText(form, 'password'), formText(form, 'repeat'));
    setWordIssues(missing);
    setPasswordIssues(issues);
    if (Object.keys(missing).length > 0 || issues.password || issues.repeat) return;
    if (await createConfirm(answers, formText(form, 'password'))) onDone('Your wallet is ready and unlocked.');
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Check your recovery phrase</h3>
      <p className="muted">Type these words from your paper, so we know you can get your wallet back.</p>
      {positions.map((p) => (
        <Field
          key={p}
          label={`Word #${p}`}
          name={`word-${p}`}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={wordIssues[p]}
        />
      ))}
      <NewPasswordFields issues={passwordIssues} />
      <ErrorNote message={error} />
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={pending} busyLabel="Creating wallet…">
          Create wallet
        </BusyButton>
        <button type="button" onClick={onBack} disabled={pending}>
          Back to the words
        </button>
      </div>
    </form>
  );
}
