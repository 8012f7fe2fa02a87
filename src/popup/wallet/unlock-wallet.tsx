import { useEffect, useRef, type FormEvent } from 'react';
import type { WalletStatus } from '../../ext/protocol';
import { BusyButton } from '../busy-button';
import { Field } from '../field';
import { formText } from './new-password-fields';
import { shortAddress } from './wallet-text';
import { useWallet } from './wallet-store';

export function UnlockWallet({ status }: { status: WalletStatus }) {
  const unlock = useWallet((s) => s.unlock);
  const pending = useWallet((s) => s.pending.unlock);
  const error = useWallet((s) => s.errors.unlock);
  const clear = useWallet((s) => s.clearError);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => () => clear('unlock'), [clear]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const ok = await unlock(formText(form, 'password'));
    // On a wrong password the text stays, selected, so a typo is fixed by typing again.
    if (!ok) inputRef.current?.select();
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)}>
      <p>
        Your wallet is locked.
        {status.address && (
          <>
            {' '}
            Address <code title={status.address}>{shortAddress(status.address)}</code>.
          </>
        )}
      </p>
      <p className="muted">Unlock it so Consentry can sign and publish the posts you license.</p>
      <Field
        ref={inputRef}
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        autoFocus
        required
        error={error}
      />
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={pending} busyLabel="Unlocking…">
          Unlock
        </BusyButton>
      </div>
    </form>
  );
}
