import { useEffect } from 'react';
import type { OfferStatus } from '../../core/offer-status';
import { useNetwork } from '../settings/network-store';
import { offerTitle } from '../post-view';
import { offerLine } from './offer-line';

/** Where a post's offer stands: waiting, published (with a link to it), withdrawing, withdrawn or refused. */
export function OfferState({ offer }: { offer: OfferStatus | undefined }) {
  const registryUrl = useNetwork((s) => s.settings?.registryUrl ?? null);
  const loadNetwork = useNetwork((s) => s.load);
  const published = offer?.state === 'published';
  // The registry's address is needed only to link a published offer.
  useEffect(() => {
    if (published) void loadNetwork();
  }, [published, loadNetwork]);

  const line = offerLine(offer, registryUrl);
  if (!line || !offer) return null;
  return (
    <p className={`offer small tone-${line.tone}`} title={offerTitle('at' in offer ? offer.at : offer.since)}>
      <span>{line.text}</span>
      {line.href && (
        <>
          {' · '}
          <a href={line.href} target="_blank" rel="noopener noreferrer">
            View offer
          </a>
        </>
      )}
    </p>
  );
}
