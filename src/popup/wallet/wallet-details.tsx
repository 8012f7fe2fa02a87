import { useId, useState } from 'react';
import type { WalletStatus } from '../../ext/protocol';
import { BusyButton } from '../busy-button';
import { ErrorNote } from '../field';
import { CopyAddress } from './copy-address';
import { ExportKeystore } from './export-keystore';
import { RevealPhrase } from './reveal-phrase';
import { autoLockOptions } from './wallet-text';
import { useWallet } from './wallet-store';

/** The unlocked wallet: address, lock, auto-lock time, and the two ways to back it up. */
export function WalletDetails({ status, address }: { status: WalletStatus; address: `0x${string}` }) {
  const lock = useWallet((s) => s.lock);
  const setAutoLock = useWallet((s) => s.setAutoLock);
  const pending = useWallet((s) => s.pending);
  const errors = useWallet((s) => s.errors);
  // One backup panel at a time: each asks for the password, and two password fields would be confusing.
  const [open, setOpen] = useState<'keystore' | 'phrase' | null>(null);
  const autoLockId = useId();

  return (
    <div className="stack">
      <p className="ok-line">
        <span className="dot on" aria-hidden="true" /> Unlocked: Consentry can sign and publish your licensed posts.
      </p>
      <CopyAddress address={address} />
      <div className="row">
        <div className="inline-field">
          <label htmlFor={autoLockId}>Auto-lock after</label>
          <select
            id={autoLockId}
            value={status.autoLockMinutes}
            aria-describedby={`${autoLockId}-hint`}
            onChange={(e) => void setAutoLock(Number(e.currentTarget.value))}
          >
            {autoLockOptions(status.autoLockMinutes).map((o) => (
              <option key={o.minutes} value={o.minutes}>
                {o.label}
              </option>
            ))}
          </select>
          {pending.autoLock && <span className="hint">Saving…</span>}
        </div>
        <BusyButton type="button" onClick={() => void lock()} busy={pending.lock} busyLabel="Locking…">
          Lock
        </BusyButton>
      </div>
      <p id={`${autoLockId}-hint`} className="hint">
        The wallet locks itself after this long without signing.
      </p>
      <ErrorNote message={errors.autoLock ?? errors.lock} />
      <h3>Back up</h3>
      <ExportKeystore address={address} open={open === 'keystore'} onOpenChange={(o) => setOpen(o ? 'keystore' : null)} />
      {status.hasMnemonic && <RevealPhrase open={open === 'phrase'} onOpenChange={(o) => setOpen(o ? 'phrase' : null)} />}
    </div>
  );
}
