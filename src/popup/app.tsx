import { lazy, Suspense, useEffect, useState } from 'react';
import { handoff } from './handoff';
import { TAGLINE } from './post-view';
import { PostsSection } from './posts-section';
import { SitesSection } from './sites-section';
import { usePopup } from './store';
import { panelId, tabId, Tabs, type TabId } from './tabs';

// Only Posts is needed for the first render; the other screens (and viem, which Terms and Settings use to
// check addresses) load when their tab is about to be opened.
const loaders = {
  terms: () => import('./terms/terms-screen'),
  earnings: () => import('./earnings/earnings-screen'),
  wallet: () => import('./wallet/wallet-screen'),
  settings: () => import('./settings/settings-screen'),
};
const screens = {
  terms: lazy(loaders.terms),
  earnings: lazy(loaders.earnings),
  wallet: lazy(loaders.wallet),
  settings: lazy(loaders.settings),
};

export function App() {
  const loaded = usePopup((s) => s.loaded);
  const error = usePopup((s) => s.error);
  const [tab, setTab] = useState<TabId>(() => handoff().tab);
  useEffect(() => {
    // Marked already once the plain first screen was painted (early-load.ts), unless it could not be drawn.
    if (loaded && performance.getEntriesByName('consentry:popup-ready').length === 0) performance.mark('consentry:popup-ready');
  }, [loaded]);
  const Screen = tab === 'posts' ? null : screens[tab];
  // first-screen-view.ts draws the Posts tab without React: change both together (first-screen.test.ts compares them).
  return (
    <main className="app" aria-busy={!loaded}>
      <header className="top">
        <h1>Consentry</h1>
        <p className="tagline">{TAGLINE}</p>
      </header>
      <Tabs current={tab} onSelect={setTab} onIntent={(t) => t !== 'posts' && void loaders[t]()} />
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="panel-body">
        {Screen ? (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <Screen />
          </Suspense>
        ) : (
          <>
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
            <SitesSection />
            {loaded ? <PostsSection /> : <p className="muted">Loading…</p>}
          </>
        )}
      </div>
    </main>
  );
}
