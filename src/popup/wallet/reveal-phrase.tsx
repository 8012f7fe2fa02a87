import { useEffect, useId, useState, type FormEvent } from 'react';
import { BusyButton } from '../busy-button';
import { Field } from '../field';
import { formText } from './new-password-fields';
import { PhraseList } from './phrase-list';
import { useWallet } from './wallet-store';

interface Props {
  open: boolean;
  onOpenChange(open: boolean): void;
}

/**
 * "Show recovery phrase", after the password. The phrase is kept in this component's state only while shown:
 * Hide, closing the panel and unmounting (another tab, popup closed) all drop it.
 */
export function RevealPhrase({ open, onOpenChange }: Props) {
  const exportMnemonic = useWallet((s) => s.exportMnemonic);
  const pending = useWallet((s) => s.pending.exportMnemonic);
  const error = useWallet((s) => s.errors.exportMnemonic);
  const clear = useWallet((s) => s.clearError);
  const [mnemonic, setMnemonic] = useState<string | null>(null);
  const id = useId();
  useEffect(() => {
    if (open) return;
    setMnemonic(null);
    clear('exportMnemonic');
  }, [open, clear]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const phrase = await exportMnemonic(formText(e.currentTarget, 'password'));
    if (phrase !== null) setMnemonic(phrase);
  }

  return (
    <div className="disclosure">
      <button type="button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => onOpenChange(!open)}>
        Show recovery phrase
      </button>
      {open && (
        <div id={`${id}-panel`} className="panel stack">
          <p className="warning" role="note">
            Anyone who sees these words can take what your wallet holds. Make sure nobody is watching your screen, and never type them
            into a website.
          </p>
          {mnemonic === null ? (
            <form className="stack" onSubmit={(e) => void submit(e)}>
              <Field label="Password" name="password" type="password" autoComplete="current-password" autoFocus required error={error} />
              <div className="actions">
                <BusyButton type="submit" className="primary" busy={pending} busyLabel="Checking…">
                  Reveal phrase
                </BusyButton>
                <button type="button" onClick={() => onOpenChange(false)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <>
              <PhraseList mnemonic={mnemonic} />
              <div className="actions">
                <button type="button" className="primary" onClick={() => onOpenChange(false)}>
                  Hide
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
