import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './harness';

async function tab(s: Session, name: string): Promise<Page> {
  const popup = await s.openPopup();
  await popup.getByRole('tab', { name }).click();
  return popup;
}

describe('popup: site terms and network settings', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => s?.close());

  it('checks the terms as they are typed and saves them per site', async () => {
    const popup = await tab(s, 'Terms');
    await popup.getByRole('radio', { name: 'Bluesky' }).check();
    const price = popup.getByRole('textbox', { name: 'Price per post' });
    await price.fill('0');
    await popup.getByText('Price must be more than 0 for a paid licence.').waitFor();
    await popup.getByRole('textbox', { name: 'Countries' }).fill('de, fr');
    await popup.getByText('Only in: Germany, France').first().waitFor();
    await price.fill('0.5');
    await popup.getByRole('checkbox', { name: 'Index for AI search' }).check();
    await popup.getByRole('combobox', { name: 'Licence duration' }).selectOption({ label: '1 year' });
    // The summary follows the form.
    const summary = popup.getByRole('region', { name: 'Summary of these terms' });
    await summary.getByText('Licence lasts 1 year').waitFor();
    await popup.getByRole('button', { name: 'Save terms' }).click();
    await popup.getByText('Saved. Posts already published on these terms will be withdrawn and offered again.').waitFor();
    await popup.close();

    const again = await tab(s, 'Terms');
    await again.getByRole('radio', { name: 'Bluesky' }).check();
    await expect(again.getByRole('textbox', { name: 'Price per post' }).inputValue()).resolves.toBe('0.5');
    await expect(again.getByRole('textbox', { name: 'Countries' }).inputValue()).resolves.toBe('DE, FR');
    // The other site keeps its own terms.
    await again.getByRole('radio', { name: 'X (Twitter)' }).check();
    await expect(again.getByRole('textbox', { name: 'Price per post' }).inputValue()).resolves.toBe('0.02');
    await again.close();
  });

  it('refuses a malformed network setting next to its field, and resets to the local chain', async () => {
    const popup = await tab(s, 'Settings');
    await popup.getByRole('textbox', { name: 'RPC URL' }).fill('ftp://127.0.0.1');
    await popup.getByRole('textbox', { name: 'Exchange contract address' }).fill('0x1234');
    await popup.getByRole('button', { name: 'Save network settings' }).click();
    await popup.getByText('This must be a web address starting with http:// or https://.').waitFor();
    await popup.getByText('Enter a contract address: 0x followed by 40 hexadecimal characters.').waitFor();
    await popup.getByRole('button', { name: 'Reset to local defaults' }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect(popup.getByRole('textbox', { name: 'Registry URL' }).inputValue()).resolves.toBe('http://127.0.0.1:8787');
    await popup.close();
  });
});
