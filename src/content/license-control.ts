import type { ConsentState } from '../core/consent';

/** Marks our host elements in the page so the driver can tell its own mutations apart. */
export const CONTROL_ATTR = 'data-consentry-control';

const STYLE = `
:host { all: initial; display: inline-flex; align-items: center; margin-inline-start: 8px; vertical-align: middle; }
button { font: 600 12px/1 system-ui, sans-serif; padding: 4px 10px; border-radius: 999px; cursor: pointer;
  border: 1px solid #8b98a5; background: transparent; color: #536471; }
button[aria-pressed="true"] { background: #00875a; border-color: #00875a; color: #fff; }
button[aria-busy="true"] { opacity: .6; cursor: progress; }
button:focus-visible { outline: 2px solid #1d9bf0; outline-offset: 2px; }
[role="alert"]:not(:empty) { font: 12px system-ui, sans-serif; color: #b42318; margin-inline-start: 6px; }
`;

// Sites open the post when a click reaches its container (X: click; Bluesky's pressables: pointer and touch),
// and have keyboard shortcuts: none of our events may get there.
const STOPPED = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'keydown'];

// One set of capturing listeners on the document for every control, instead of eight listeners per post: an
// event from inside a control's shadow root reaches the document with the host as its target, and is stopped
// there, before the site's own listeners (on its app root, below the document) can see it.
const toggles = new WeakMap<EventTarget, () => void>();
let guarding = false;
function guard(): void {
  if (guarding) return;
  guarding = true;
  const onEvent = (e: Event) => {
    const toggle = e.target ? toggles.get(e.target) : undefined;
    if (!toggle) return;
    e.stopPropagation();
    if (e.type === 'click') {
      e.preventDefault();
      toggle();
    }
  };
  for (const type of STOPPED) document.addEventListener(type, onEvent, true);
}

// One parsed stylesheet shared by every control, instead of a <style> parsed per post.
let sheet: CSSStyleSheet | null | undefined;
function sharedSheet(): CSSStyleSheet | null {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
    } catch {
      sheet = null; // constructable stylesheets unavailable: fall back to a <style> per control
    }
  }
  return sheet;
}

export interface LicenseControl {
  host: HTMLElement;
  render(state: ConsentState | undefined, busy?: boolean, error?: string): void;
}

const LABEL = { on: 'Licensed', off: 'License' };
const TITLE = {
  on: 'Licensed for AI training on your terms. Click to withdraw.',
  off: 'Offer this post for AI training on your terms.',
};

// The shadow content of a control not (yet) licensed, built once and cloned per post: one native call
// instead of an element and six attribute writes each. Its button is looked up only when a render
// changes it (most never do): each element handed to a content script costs a wrapper of its own.
// An error line is added only when there is an error to show: each node cloned costs every post time.
let proto: DocumentFragment | null = null;
function content(): DocumentFragment {
  if (!proto) {
    proto = document.createDocumentFragment();
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-label', 'License this post for AI training (Consentry)');
    button.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-busy', 'false');
    button.title = TITLE.off;
    button.textContent = LABEL.off;
    proto.append(button);
  }
  return proto.cloneNode(true) as DocumentFragment;
}
const SHOWN_AS_BUILT = 'false|false|';

function attach(host: HTMLElement, clonable: boolean): ShadowRoot {
  const root = host.attachShadow(clonable ? { mode: 'open', clonable: true } : { mode: 'open' });
  dress(root);
  root.append(content());
  return root;
}

function dress(root: ShadowRoot): void {
  const shared = sharedSheet();
  if (shared) root.adoptedStyleSheets = [shared];
  else {
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.prepend(style);
  }
}

// A whole host with its shadow root, cloned in one native call where shadow roots are clonable (Chromium 124+);
// a clone's root has the shadow content but not the adopted sheet, which is set on it. Elsewhere, built anew.
let protoHost: HTMLElement | null | undefined;
function newHost(): { host: HTMLElement; root: ShadowRoot } {
  if (protoHost === undefined) {
    protoHost = document.createElement('span');
    attach(protoHost, true);
    if (!(protoHost.cloneNode(true) as HTMLElement).shadowRoot) protoHost = null;
  }
  if (protoHost) {
    const host = protoHost.cloneNode(true) as HTMLElement;
    const root = host.shadowRoot!;
    dress(root);
    return { host, root };
  }
  const host = document.createElement('span');
  return { host, root: attach(host, false) };
}

/** A small button in an open shadow root: the page's CSS cannot reach it, and tests and tools can. */
export function createLicenseControl(postId: string, onToggle: () => void): LicenseControl {
  const { host, root } = newHost();
  host.setAttribute(CONTROL_ATTR, postId);
  guard();
  toggles.set(host, onToggle);
  let shown = SHOWN_AS_BUILT;
  return {
    host,
    render(state, busy = false, error = '') {
      const on = state === 'in';
      const key = `${on}|${busy}|${error}`;
      if (key === shown) return; // writing the same attributes again still costs a style recalculation
      shown = key;
      const button = root.querySelector('button')!;
      button.setAttribute('aria-pressed', String(on));
      button.setAttribute('aria-busy', String(busy));
      button.textContent = on ? LABEL.on : LABEL.off;
      button.title = on ? TITLE.on : TITLE.off;
      let alert = root.querySelector('[role="alert"]');
      if (error && !alert) {
        // An alert put in with its text is read out at once by screen readers; later changes to it are too.
        alert = document.createElement('span');
        alert.setAttribute('role', 'alert');
        root.append(alert);
      }
      if (alert) alert.textContent = error;
    },
  };
}
