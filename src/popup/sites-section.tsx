import { PLATFORMS, PLATFORM_INFO } from '../core/platform';
import { siteHint } from './post-view';
import { usePopup } from './store';

export function SitesSection() {
  const settings = usePopup((s) => s.settings);
  const setSiteEnabled = usePopup((s) => s.setSiteEnabled);
  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">Sites</h2>
      <ul className="sites">
        {PLATFORMS.map((p) => {
          const on = settings.sites[p].enabled;
          return (
            <li key={p}>
              <label className="switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={on}
                  aria-describedby={`site-${p}-hint`}
                  onChange={(e) => void setSiteEnabled(p, e.currentTarget.checked)}
                />
                <span>{PLATFORM_INFO[p].name}</span>
              </label>
              <span id={`site-${p}-hint`} className="muted small">
                {siteHint(on)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
