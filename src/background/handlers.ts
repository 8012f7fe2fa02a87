import { isPlatform } from '../core/platform';
import { isValidPostId } from '../core/permalink';
import { validatePostReport } from '../core/validate-report';
import { getSettings, settingsItem } from '../ext/items';
import type { Handlers } from '../ext/serve';
import { earningsHandlers } from './earnings/handlers';
import { setConsentFromPage, setConsentFromPopup } from './posts';
import { termsHandlers } from './terms-handlers';
import { walletHandlers } from './wallet-handlers';

function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`${field}: not a boolean`);
  return value;
}

/** One handler per message; each checks its payload before acting (the sender is checked in ext/serve). */
export const handlers: Handlers = {
  ...walletHandlers,
  ...termsHandlers,
  ...earningsHandlers,

  async 'post.consent'(payload) {
    const checked = validatePostReport(payload?.report);
    if (!checked.ok) throw new Error(checked.error);
    const optIn = requireBoolean(payload.optIn, 'optIn');
    const settings = await getSettings();
    if (!settings.sites[checked.value.platform].enabled)
      throw new Error('Consentry is switched off for this site; switch it on in the popup first.');
    return { state: await setConsentFromPage(checked.value, optIn) };
  },

  async 'post.setConsent'(payload) {
    const { platform, postId } = payload ?? {};
    if (!isPlatform(platform)) throw new Error('platform: unknown platform');
    if (typeof postId !== 'string' || !isValidPostId(platform, postId)) throw new Error('postId: not a post id');
    return { state: await setConsentFromPopup(platform, postId, requireBoolean(payload.optIn, 'optIn')) };
  },

  async 'site.setEnabled'(payload) {
    const { platform } = payload ?? {};
    if (!isPlatform(platform)) throw new Error('platform: unknown platform');
    const enabled = requireBoolean(payload.enabled, 'enabled');
    const settings = await getSettings();
    settings.sites[platform] = { enabled };
    await settingsItem.set(settings);
    return { enabled };
  },
};
