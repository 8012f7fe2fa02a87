import { browser } from './browser';

/** A count on the toolbar icon; 0 clears it. */
export async function setBadgeCount(count: number): Promise<void> {
  await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' });
  if (count > 0) await browser.action.setBadgeBackgroundColor({ color: '#1a7f37' });
}
