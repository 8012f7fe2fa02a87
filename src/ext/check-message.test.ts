import { describe, expect, it } from 'vitest';
import { checkMessage } from './check-message';

const self = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const popup = { id: self.id, url: `${self.origin}src/popup/index.html` };
const xTab = { id: self.id, url: 'https://x.com/home', tab: {}, frameId: 0 };
const report = (platform: string) => ({ type: 'post.consent', payload: { report: { platform }, optIn: true } });

describe('checkMessage', () => {
  it('lets a content script on the platform it reports about through', () => {
    expect(checkMessage(report('x'), xTab, self)).toMatchObject({ ok: true, type: 'post.consent', sender: { kind: 'content' } });
  });

  it.each([
    ['another extension', report('x'), { ...xTab, id: 'someoneelse' }, 'sender not allowed'],
    ['a content script reporting another platform', report('bluesky'), xTab, 'page is not on Bluesky'],
    ['a content script in a sub-frame', report('x'), { ...xTab, frameId: 3 }, 'sender not allowed'],
    ['a content script on a look-alike host', report('x'), { ...xTab, url: 'https://x.com.evil.example/home' }, 'page is not on X'],
    ['a content script on plain http', report('x'), { ...xTab, url: 'http://x.com/home' }, 'page is not on X'],
    ['the popup sending a content-script message', report('x'), popup, 'sender not allowed'],
    ['a content script asking for a popup-only action', { type: 'site.setEnabled', payload: { platform: 'x', enabled: false } }, xTab, 'sender not allowed'],
    ['an unknown message', { type: 'wallet.signAnything', payload: {} }, popup, 'unknown type'],
    ['a message that inherits its name', { type: 'toString', payload: {} }, popup, 'unknown type'],
    ['not an object', 'post.consent', popup, 'not an object'],
  ])('refuses %s', (_n, message, sender, error) => {
    const r = checkMessage(message, sender, self);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(error);
  });

  it('lets our own pages change settings', () => {
    expect(checkMessage({ type: 'site.setEnabled', payload: { platform: 'x', enabled: false } }, popup, self)).toMatchObject({
      ok: true,
      sender: { kind: 'extension-page' },
    });
  });
});
