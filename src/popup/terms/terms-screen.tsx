import { useEffect, useState } from 'react';
import { PLATFORMS, PLATFORM_INFO, type Platform } from '../../core/platform';
import { Reading } from '../field';
import { TermsForm } from './terms-form';
import { useTerms } from './terms-store';

export const SITE_SAVED = 'Saved. Posts already published on these terms will be withdrawn and offered again.';

/** Each site's default licence terms. */
export default function TermsScreen() {
  const sites = useTerms((s) => s.sites);
  const load = useTerms((s) => s.load);
  const loadError = useTerms((s) => s.errors.load);
  const saveSite = useTerms((s) => s.saveSite);
  const clear = useTerms((s) => s.clearError);
  const [platform, setPlatform] = useState<Platform>(PLATFORMS[0]);
  const pending = useTerms((s) => s.pending[`site:${platform}`]);
  const error = useTerms((s) => s.errors[`site:${platform}`]);
  // Read again on every visit: a network change can change the token the terms are priced in.
  useEffect(() => void load(true), [load]);
  useEffect(() => () => clear(`site:${platform}`), [platform, clear]);

  return (
    <section aria-labelledby="terms-h">
      <h2 id="terms-h">Licence terms</h2>
      <p className="muted small">
        What buyers may do with your licensed posts, and what they pay. Each site has its own terms; one post can have its own too
        (Posts → Terms).
      </p>
      <fieldset className="segmented">
        <legend>Terms for</legend>
        {PLATFORMS.map((p) => (
          <label key={p}>
            <input type="radio" name="terms-site" value={p} checked={platform === p} onChange={() => setPlatform(p)} />
            <span>{PLATFORM_INFO[p].name}</span>
          </label>
        ))}
      </fieldset>
      {sites ? (
        <TermsForm
          key={platform}
          initial={sites[platform]}
          saveLabel="Save terms"
          savedMessage={SITE_SAVED}
          pending={pending}
          error={error}
          onSave={(terms) => saveSite(platform, terms)}
        />
      ) : (
        <Reading busy="Reading your terms…" failed={loadError && `Could not read your terms: ${loadError}`} onRetry={() => void load(true)} />
      )}
    </section>
  );
}
