import { useEffect, useState, type FormEvent } from 'react';
import { BusyButton } from '../busy-button';
import { ErrorNote, Field } from '../field';
import { useEarnings } from './earnings-store';

/** Send earned tokens to another address; the wallet pays the gas in ETH, so the estimate is shown first. */
export function WithdrawForm({ symbol }: { symbol: string }) {
  const estimate = useEarnings((s) => s.estimate);
  const estimateError = useEarnings((s) => s.errors.estimate);
  const withdraw = useEarnings((s) => s.withdraw);
  const estimateWithdraw = useEarnings((s) => s.estimateWithdraw);
  const pending = useEarnings((s) => s.pending.withdraw);
  const error = useEarnings((s) => s.errors.withdraw);
  const lastTx = useEarnings((s) => s.lastTx);
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');

  // Re-price when the form settles: gas depends on the recipient and amount only a little, so a pause is enough.
  useEffect(() => {
    const t = setTimeout(() => void estimateWithdraw(to.trim() || undefined, amount.trim() || undefined), 400);
    return () => clearTimeout(t);
  }, [to, amount, estimateWithdraw]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await withdraw(to.trim(), amount.trim())) {
      setAmount('');
      void estimateWithdraw();
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-labelledby="withdraw-h">
      <h3 id="withdraw-h">Withdraw</h3>
      {estimate && (
        <p className="muted small">
          Available: {estimate.tokenBalance} {estimate.symbol}. Gas: about {estimate.gasEth} ETH (you have {estimate.ethBalance} ETH).
        </p>
      )}
      <Field label="Send to address" value={to} onChange={(e) => setTo(e.currentTarget.value)} autoComplete="off" spellCheck={false} placeholder="0x…" />
      <Field label="Amount" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} inputMode="decimal" autoComplete="off" suffix={symbol} />
      {estimateError && (to || amount) && <p className="muted small">{estimateError}</p>}
      <ErrorNote message={error} />
      {lastTx && (
        <p role="status" className="small">
          Sent: transaction <code title={lastTx}>{lastTx}</code>
        </p>
      )}
      <div className="actions">
        <BusyButton type="submit" busy={pending} busyLabel="Sending…">
          Withdraw
        </BusyButton>
      </div>
    </form>
  );
}
