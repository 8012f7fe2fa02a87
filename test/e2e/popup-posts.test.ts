import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickControl, launch, waitForPressed, type Session } from './harness';
import { SITES } from './sites';

const site = SITES[0]!;

describe('popup: a licensed post’s offer and its own terms', () => {
  let s: Session;
  const [url, own] = site.pages[0]!;
  const id = own[0]!;
  beforeAll(async () => {
    s = await launch();
    const page = await s.context.newPage();
    await page.goto(url);
    await clickControl(page, id);
    await waitForPressed(page, id, true);
    await page.close();
  });
  afterAll(async () => s?.close());

  it('says why the offer waits, above the list and on the post', async () => {
    const popup = await s.openPopup();
    // No wallet and no registry here, so nothing is published: the offer waits, and the popup says so twice.
    await popup.getByRole('status').filter({ hasText: /^1 waiting to publish/ }).waitFor();
    await popup.getByRole('button', { name: 'Retry now' }).waitFor();
    const item = popup.getByRole('list', { name: 'Posts' }).getByRole('listitem').first();
    await item.getByText(/^Waiting: /).waitFor();
    await popup.close();
  });

  it('gives one post its own terms, and puts it back on the site’s', async () => {
    const popup = await s.openPopup();
    const item = popup.getByRole('list', { name: 'Posts' }).getByRole('listitem').first();
    await item.getByText('Site default').waitFor();
    await item.getByRole('button', { name: 'Terms' }).click();
    await item.getByRole('button', { name: 'Use different terms for this post' }).click();
    await item.getByRole('radio', { name: 'Free', exact: true }).check();
    await item.getByRole('button', { name: 'Save terms for this post' }).click();
    await item.getByText('Saved: this post has its own terms.').waitFor();
    // The row's summary is the first sentence of the post's own terms.
    await item.getByText(/— free$/).first().waitFor();
    await item.getByRole('button', { name: 'Back to site default' }).click();
    await item.getByText(`Saved: this post follows your ${site.label} terms again.`).waitFor();
    await item.getByText('Site default').waitFor();
    await expect(item.getByRole('button', { name: 'Back to site default' }).count()).resolves.toBe(0);
    await popup.close();
  });
});
