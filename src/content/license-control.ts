import type { ConsentState } from '../core/consent';

/** On each of our host elements in the page, the id of the post it stands for (tests and tools find controls by it). */
export const CONTROL_ATTR = 'data-consentry-control';

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
      // Only the user's own click (or key press on the button) changes consent; a click made by the page's
      // scripts (`isTrusted` false) does nothing.
      if (e.isTrusted) toggle();
    }
  };
  for (const type of STOPPED) document.addEventListener(type, onEvent, true);
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

// The shadow content of a control not (yet) licensed, built once and cloned per post: one native call instead of
// an element and six attribute writes each. It holds no stylesheet: license-control.css styles it through its
// parts, so a control costs no style sheet of its own to set up (a tenth of the content script's time per post).
// Its button is looked up only when a render changes it (most never do): each element handed to a content
// script costs a wrapper of its own. An error line is added only when there is an error to show.
let proto: DocumentFragment | null = null;
function content(): DocumentFragment {
  if (proto) return proto.cloneNode(true) as DocumentFragment;
  const frag = (proto = document.createDocumentFragment());
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('part', PART.off);
  button.setAttribute('aria-label', 'License this post for AI training (Consentry)');
  button.setAttribute('aria-pressed', 'false');
  button.setAttribute('aria-busy', 'false');
  button.title = TITLE.off;
  button.textContent = LABEL.off;
  frag.append(button);
  return frag.cloneNode(true) as DocumentFragment;
}

const PART = { off: 'button', on: 'button licensed', busy: ' busy' };

// A whole host with its shadow root, cloned in one native call where shadow roots are clonable (Chromium 124+);
// elsewhere, built anew.
let protoHost: HTMLElement | null | undefined;
function newHost(): HTMLElement {
  if (protoHost === undefined) {
    protoHost = document.createElement('span');
    protoHost.attachShadow({ mode: 'open', clonable: true }).append(content());
    if (!(protoHost.cloneNode(true) as HTMLElement).shadowRoot) protoHost = null;
  }
  if (protoHost) return protoHost.cloneNode(true) as HTMLElement;
  const host = document.createElement('span');
  host.attachShadow({ mode: 'open' }).append(content());
  return host;
}

/** A small button in an open shadow root: the page's CSS cannot reach it, and tests and tools can. */
export function createLicenseControl(postId: string, onToggle: () => void): LicenseControl {
  const host = newHost();
  host.setAttribute(CONTROL_ATTR, postId);
  guard();
  toggles.set(host, onToggle);
  // What the control shows: as built (not licensed, not busy, no error) until a render changes it.
  let on = false;
  let busy = false;
  let error = '';
  return {
    host,
    render(state, nowBusy = false, nowError = '') {
      const nowOn = state === 'in';
      if (nowOn === on && nowBusy === busy && nowError === error) return; // the same attributes again still cost a style recalculation
      [on, busy, error] = [nowOn, nowBusy, nowError];
      const root = host.shadowRoot!;
      const button = root.querySelector('button')!;
      button.setAttribute('part', (on ? PART.on : PART.off) + (busy ? PART.busy : ''));
      button.setAttribute('aria-pressed', String(on));
      button.setAttribute('aria-busy', String(busy));
      button.textContent = on ? LABEL.on : LABEL.off;
      button.title = on ? TITLE.on : TITLE.off;
      let alert = root.querySelector('[role="alert"]');
      if (error && !alert) {
        // An alert put in with its text is read out at once by screen readers; later changes to it are too.
        alert = document.createElement('span');
        alert.setAttribute('role', 'alert');
        alert.setAttribute('part', 'alert');
        root.append(alert);
      }
      if (alert) alert.textContent = error;
    },
  };
}
