import { useEffect, useState } from 'react';
import { shortAddress } from './wallet-text';

/** The address, shortened, with a copy button; the full address is in the tooltip and is what screen readers read. */
export function CopyAddress({ address }: { address: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => {
    if (copied !== 'yes') return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(address);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="address-row">
      <span className="label">Address</span>
      <code className="address" title={address}>
        <span aria-hidden="true">{shortAddress(address)}</span>
        <span className="visually-hidden">{address}</span>
      </code>
      <button type="button" className="small-button" onClick={() => void copy()}>
        {copied === 'yes' ? 'Copied' : 'Copy address'}
      </button>
      <span className="visually-hidden" role="status">
        {copied === 'yes' ? 'Address copied.' : ''}
      </span>
      {copied === 'failed' && (
        <p className="field-error" role="alert">
          Could not copy. Your address is {address}.
        </p>
      )}
    </div>
  );
}
