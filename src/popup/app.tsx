import { useEffect, useState, type ComponentType } from 'react';
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
type LazyTab = keyof typeof loaders;

// Loaded screen modules. Not React.lazy: a lazy component suspends on its first render even when its module is
// already loaded, and React holds a revealed Suspense boundary back for 300 ms (its fallback throttle), so every
// tab opened once took 300 ms. A screen already loaded (on hover or focus of its tab) now renders at once.
const screens: Partial<Record<LazyTab, ComponentType>> = {};
const loading: Partial<Record<LazyTab, Promise<void>>> = {};
const preload = (tab: LazyTab) =>
  (loading[tab] ??= loaders[tab]().then(
    (m) => void (screens[tab] = m.default),
    (e: unknown) => {
      delete loading[tab]; // try again on the next intent
      throw e;
    },
  ));

/** The screen of `tab`, or "Loading…" until its module is in (then a re-render shows it). */
function LazyScreen({ tab }: { tab: LazyTab }) {
  const [, loaded] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const Screen = screens[tab];
  useEffect(() => {
    if (!Screen) preload(tab).then(() => loaded((n) => n + 1), (e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
  }, [tab, Screen]);
  if (Screen) return <Screen />;
  return failed ? (
    <p className="error" role="alert">
      This screen could not be loaded: {failed}
    </p>
  ) : (
    <p className="muted">Loading…</p>
  );
}

export function App() {
  const loaded = usePopup((s) => s.loaded);
  const error = usePopup((s) => s.error);
  const [tab, setTab] = useState<TabId>(() => handoff().tab);
  useEffect(() => {
    // Marked already once the plain first screen was painted (early-load.ts), unless it could not be drawn.
    if (loaded && performance.getEntriesByName('consentry:popup-ready').length === 0) performance.mark('consentry:popup-ready');
  }, [loaded]);
  // first-screen-view.ts draws the Posts tab without React: change both together (first-screen.test.ts compares them).
  return (
    <main className="app" aria-busy={!loaded}>
      <header className="top">
        <h1>Consentry</h1>
        <p className="tagline">{TAGLINE}</p>
      </header>
      <Tabs current={tab} onSelect={setTab} onIntent={(t) => t !== 'posts' && void preload(t).catch(() => undefined)} />
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="panel-body">
        {tab !== 'posts' ? (
          <LazyScreen key={tab} tab={tab} />
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
