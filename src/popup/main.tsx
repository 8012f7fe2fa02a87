// React's entry, imported by the popup's first script (first-screen-script.ts) once the first screen is
// painted: React and the whole UI take over from it (mount.tsx).
import './popup.css';
import './mount';
