import { useEffect } from 'react';
import { PostsSection } from './posts-section';
import { SitesSection } from './sites-section';
import { usePopup } from './store';

export function App() {
  const loaded = usePopup((s) => s.loaded);
  const error = usePopup((s) => s.error);
  useEffect(() => {
    if (loaded) performance.mark('consentry:popup-ready');
  }, [loaded]);
  return (
    <main className="app" aria-busy={!loaded}>
      <header className="top">
        <h1>Consentry</h1>
        <p className="tagline">Your posts, your terms: choose which of your posts AI may learn from.</p>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <SitesSection />
      {loaded ? <PostsSection /> : <p className="muted">Loading…</p>}
    </main>
  );
}
