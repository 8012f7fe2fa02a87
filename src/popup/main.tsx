// The popup's entry is tiny: it reads what the first screen needs and draws it without React (early-load.ts,
// first-screen.ts), then loads React and the whole UI, which takes over (mount.tsx).
import './popup.css';
import { startPopup } from './early-load';

startPopup(document.getElementById('root')!, () => void import('./mount'));
