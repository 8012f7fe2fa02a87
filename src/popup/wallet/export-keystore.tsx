import { useEffect, useId, useState, type FormEvent } from 'react';
import { BusyButton } from '../busy-button';
import { Field } from '../field';
import { saveTextFile } from './download';
import { formText } from './new-password-fields';
import { keystoreFileName } from './wallet-text';
import { useWallet } from './wallet-store';

interface Props {
  address: string;
  open: boolean;
  onOpenChange(open: boolean): void;
}

/** "Export keystore": the key, encrypted with the wallet password, as a file other wallets import. */
export function ExportKeystore({ address, open, onOpenChange }: Props) {
  const exportKeystore = useWallet((s) => s.exportKeystore);
  const pending = useWallet((s) => s.pending.exportKeystore);
  const error = useWallet((s) => s.errors.exportKeystore);
  const clear = useWallet((s) => s.clearError);
  const [saved, setSaved] = useState(false);
  const id = useId();
  useEffect(() => {
    if (!open) clear('exportKeystore');
  }, [open, clear]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const keystore = await exportKeystore(formText(e.currentTarget, 'password'));
    if (keystore === null) return;
    saveTextFile(keystoreFileName(address), keystore);
    setSaved(true);
    onOpenChange(false);
  }

  return (
    <div className="disclosure">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => {
          setSaved(false);
          onOpenChange(!open);
        }}
      >
        Export keystore
      </button>
      {saved && (
        <p className="ok" role="status">
          Keystore saved <span className="muted">— {keystoreFileName(address)} is in your downloads.</span>
        </p>
      )}
      {open && (
        <form id={`${id}-panel`} className="panel stack" onSubmit={(e) => void submit(e)}>
          <p className="muted">
            A keystore file holds your wallet's key, locked with your password. Other wallets can import it. Keep it private: with the
            file and your password, anyone can use your wallet.
          </p>
          <Field label="Password" name="password" type="password" autoComplete="current-password" autoFocus required error={error} />
          <div className="actions">
            <BusyButton type="submit" className="primary" busy={pending} busyLabel="Encrypting…">
              Save keystore file
            </BusyButton>
            <button type="button" onClick={() => onOpenChange(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
