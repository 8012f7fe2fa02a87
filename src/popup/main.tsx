// React's entry. The first screen is drawn by the popup's first script (first-screen-script.ts, before this
// one in index.html); React and the whole UI load once it is painted, and take over from it (mount.tsx).
import './popup.css';
import { early } from './early-bridge';

void (early()?.uiMayLoad ?? Promise.resolve()).then(() => import('./mount'));
