import { useEffect, useState } from 'react';
import { Reading } from '../field';
import { CreateWallet } from './create-wallet';
import { ImportWallet } from './import-wallet';
import { UnlockWallet } from './unlock-wallet';
import { WalletDetails } from './wallet-details';
import { useWallet } from './wallet-store';

// The wallet can lock itself (auto-lock) while the popup is open; asking again now and then keeps the screen true.
const REFRESH_MS = 15_000;

export default function WalletScreen() {
  const status = useWallet((s) => s.status);
  const loadError = useWallet((s) => s.errors.status);
  const refresh = useWallet((s) => s.refresh);
  const [flow, setFlow] = useState<'create' | 'import' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  // "Your wallet is ready" belongs to the moment it was made, not to every later unlock.
  const unlocked = status?.unlocked ?? false;
  useEffect(() => {
    if (!unlocked) setNotice(null);
  }, [unlocked]);

  const done = (message: string | null) => {
    setFlow(null);
    setNotice(message);
  };

  let body;
  if (!status) {
    body = <Reading busy="Checking your wallet…" failed={loadError && `Could not read your wallet: ${loadError}`} onRetry={() => void refresh()} />;
  } else if (flow === 'create') body = <CreateWallet onDone={done} />;
  else if (flow === 'import') body = <ImportWallet onDone={done} />;
  else if (!status.exists) {
    body = (
      <div className="stack">
        <p>
          Your wallet signs the offers for the posts you license, and receives what buyers pay. It stays in this browser, locked with
          your password.
        </p>
        <div className="actions column">
          <button type="button" className="primary" onClick={() => setFlow('create')}>
            Create a new wallet
          </button>
          <button type="button" onClick={() => setFlow('import')}>
            Import a wallet
          </button>
        </div>
      </div>
    );
  } else if (!status.unlocked || !status.address) body = <UnlockWallet status={status} />;
  else body = <WalletDetails status={status} address={status.address} />;

  return (
    <section aria-labelledby="wallet-h">
      <h2 id="wallet-h">Wallet</h2>
      {notice && status?.unlocked && !flow && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      {body}
    </section>
  );
}
