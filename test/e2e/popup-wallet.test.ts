import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './harness';

const PASSWORD = 'correct horse battery';

async function walletTab(s: Session): Promise<Page> {
  const popup = await s.openPopup();
  await popup.getByRole('tab', { name: 'Wallet' }).click();
  return popup;
}

/** The words of the "Recovery phrase" list, in order. */
async function shownPhrase(popup: Page): Promise<string[]> {
  return popup.getByRole('list', { name: 'Recovery phrase' }).locator('.word').allTextContents();
}

describe('popup: wallet, from a new phrase to a keystore another install imports', () => {
  let s: Session;
  let words: string[] = [];
  let address = '';
  let keystore = '';
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => s?.close());

  it('creates a wallet: the phrase once, then a few of its words back and a password', async () => {
    const popup = await walletTab(s);
    await popup.getByRole('button', { name: 'Create a new wallet' }).click();
    await popup.getByRole('list', { name: 'Recovery phrase' }).waitFor();
    words = await shownPhrase(popup);
    expect(words).toHaveLength(12);
    await popup.getByRole('button', { name: 'I have written it down' }).click();

    const fields = popup.getByRole('textbox', { name: /^Word #\d+$/ });
    const positions = (await fields.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''))).map((l) => Number(l.slice(6)));
    expect(positions.length).toBeGreaterThan(0);
    // A wrong word: the background refuses, the form stays.
    for (const p of positions) await popup.getByRole('textbox', { name: `Word #${p}`, exact: true }).fill('wrong');
    await popup.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await popup.getByLabel('Repeat new password').fill(PASSWORD);
    await popup.getByRole('button', { name: 'Create wallet' }).click();
    await popup.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();

    for (const p of positions) await popup.getByRole('textbox', { name: `Word #${p}`, exact: true }).fill(words[p - 1]!);
    await popup.getByRole('button', { name: 'Create wallet' }).click();
    await popup.getByRole('button', { name: 'Lock' }).waitFor();
    address = (await popup.getByText(/^0x[0-9a-fA-F]{40}$/).textContent()) ?? '';
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    await popup.close();
  });

  it('locks, refuses a wrong password without clearing it, and unlocks', async () => {
    const popup = await walletTab(s);
    await popup.getByRole('button', { name: 'Lock' }).click();
    const password = popup.getByLabel('Password');
    await password.fill('not the password');
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await popup.getByText('Wrong password.').waitFor();
    await expect(password.inputValue()).resolves.toBe('not the password');
    await password.fill(PASSWORD);
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await popup.getByRole('button', { name: 'Lock' }).waitFor();

    await popup.getByRole('combobox', { name: 'Auto-lock after' }).selectOption('60');
    await popup.close();
    const again = await walletTab(s);
    await expect(again.getByRole('combobox', { name: 'Auto-lock after' }).inputValue()).resolves.toBe('60');
    await again.close();
  });

  it('exports the keystore as a file named after the address, and shows the phrase until Hide', async () => {
    const popup = await walletTab(s);
    await popup.getByRole('button', { name: 'Export keystore' }).click();
    await popup.getByLabel('Password').fill(PASSWORD);
    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Save keystore file' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`consentry-keystore-${address}.json`);
    keystore = readFileSync((await file.path())!, 'utf8');
    expect(JSON.parse(keystore)).toMatchObject({ version: 3, address: address.slice(2).toLowerCase() });
    await popup.getByText('Keystore saved').waitFor();

    await popup.getByRole('button', { name: 'Show recovery phrase' }).click();
    await popup.getByLabel('Password').fill(PASSWORD);
    await popup.getByRole('button', { name: 'Reveal phrase' }).click();
    await popup.getByRole('list', { name: 'Recovery phrase' }).waitFor();
    await expect(shownPhrase(popup)).resolves.toEqual(words);
    await popup.getByRole('button', { name: 'Hide' }).click();
    await expect(popup.getByRole('list', { name: 'Recovery phrase' }).count()).resolves.toBe(0);
    await popup.close();
  });

  it('another install imports that keystore file and gets the same address', async () => {
    const other = await launch();
    try {
      const popup = await walletTab(other);
      await popup.getByRole('button', { name: 'Import a wallet' }).click();
      await popup.getByLabel('Open a keystore file…').setInputFiles({ name: 'keystore.json', mimeType: 'application/json', buffer: Buffer.from(keystore) });
      await popup.getByLabel('Keystore password').fill(PASSWORD);
      await popup.getByLabel('New password', { exact: true }).fill('another password');
      await popup.getByLabel('Repeat new password').fill('another password');
      await popup.getByRole('button', { name: 'Import wallet' }).click();
      await popup.getByRole('button', { name: 'Lock' }).waitFor({ timeout: 60_000 });
      await popup.getByText(address, { exact: true }).waitFor();
      // From a keystore there is no phrase to show.
      await expect(popup.getByRole('button', { name: 'Show recovery phrase' }).count()).resolves.toBe(0);
    } finally {
      await other.close();
    }
  });
});
