import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { early } from './early-bridge';
import { beginHandoff, endHandoff, restoreView } from './handoff';
import { applyHandoff, connectStore } from './store';

performance.mark('consentry:popup-ui-loaded');
const container = document.getElementById('root')!;
void connectStore().then(() => {
  // Take over from the plain first screen in one task: what the user did there becomes React's initial state,
  // and React's first render replaces that DOM in one synchronous commit, so no input falls in between and no
  // frame shows anything but one screen or the other.
  const handoff = early()?.takeHandoff() ?? null;
  if (handoff) {
    beginHandoff(handoff);
    applyHandoff(handoff);
  }
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
  if (handoff) {
    restoreView(container, handoff);
    endHandoff();
  }
  performance.mark('consentry:popup-ui-ready');
});
