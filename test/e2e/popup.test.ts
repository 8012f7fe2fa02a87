import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickControl, controls, launch, waitForPressed, type Session } from './harness';
import { SITES } from './sites';

describe.each(SITES)('$name: popup, site switch and a worker that is stopped', (site) => {
  let s: Session;
  const [url, own] = site.pages[0]!;
  beforeAll(async () => {
    s = await launch();
    for (const [key, body] of Object.entries(site.api ?? {})) s.overrides.set(key, body());
  });
  afterAll(async () => s?.close());

  it('a new user sees what to do', async () => {
    const popup = await s.openPopup();
    await popup.getByText('No posts yet.').waitFor();
    await expect(popup.getByText(/click it on any post/).isVisible()).resolves.toBe(true);
    await popup.close();
  });

  it('nothing is lost when the service worker is stopped between actions', async () => {
    const page = await s.context.newPage();
    await page.goto(url);
    await page.locator('[data-consentry-control]').first().waitFor();
    await s.stopWorker();
    await clickControl(page, own[0]!); // wakes a fresh worker
    await waitForPressed(page, own[0]!, true);
    await s.stopWorker();
    await clickControl(page, own[1]!);
    await waitForPressed(page, own[1]!, true);
    await s.stopWorker();
    await page.reload();
    await waitForPressed(page, own[0]!, true);
    await waitForPressed(page, own[1]!, true);
    await page.close();
  });

  it('the popup lists what was opted in, searchable, with a link to the post and opt-out', async () => {
    const popup = await s.openPopup();
    const list = popup.getByRole('list', { name: 'Posts' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    for (const id of own.slice(0, 2)) {
      await expect(list.locator(`a[href="${site.profileOf(id)}"]`).count()).resolves.toBe(1);
    }
    await expect(popup.getByText('(2 licensed)').isVisible()).resolves.toBe(true);
    // Search narrows the list to the post whose words match.
    const [first, second] = await list.getByRole('listitem').locator('.text').allTextContents();
    // A word of the first post that the second does not have (search reads every post first, then narrows).
    const word = first!.split(/\s+/).find((w) => w.length > 4 && !second!.toLowerCase().includes(w.toLowerCase()))!;
    await popup.getByRole('searchbox', { name: 'Search your posts' }).fill(word);
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await popup.getByRole('searchbox', { name: 'Search your posts' }).fill('zzzz-nothing-matches');
    await popup.getByText('No post matches.').waitFor();
    await popup.getByRole('searchbox', { name: 'Search your posts' }).fill('');

    // Opt out from the popup: the page's control follows.
    const page = await s.context.newPage();
    await page.goto(url);
    await waitForPressed(page, own[0]!, true);
    await list.locator('li', { has: popup.locator(`a[href="${site.profileOf(own[0]!)}"]`) }).getByRole('button', { name: 'Opt out' }).click();
    await waitForPressed(page, own[0]!, false);
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await popup.getByRole('combobox', { name: 'Which posts' }).selectOption('all');
    await expect.poll(() => list.getByText('Withdrawn').count()).toBe(1);
    await page.close();
    await popup.close();
  });

  it('switching the site off removes every control and captures nothing; on brings them back', async () => {
    const page = await s.context.newPage();
    await page.goto(url);
    await page.waitForFunction((n) => document.querySelectorAll('[data-consentry-control]').length === n, own.length);
    const popup = await s.openPopup();
    const toggle = popup.getByRole('switch', { name: site.label });
    // A virtualised list takes an own post out of the page and puts the same element back while the site is off.
    const POSTS = 'article[data-testid="tweet"], [data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]';
    await page.evaluate((sel) => {
      const post = document.querySelector('[data-consentry-control]')!.closest(sel)!;
      const w = window as unknown as { parked: [Element, Node, Node | null] };
      w.parked = [post, post.parentNode!, post.nextSibling];
      post.remove();
    }, POSTS);
    await toggle.uncheck();
    await page.waitForFunction(() => document.querySelectorAll('[data-consentry-control]').length === 0);
    await page.evaluate(() => {
      const [post, parent, next] = (window as unknown as { parked: [Element, Node, Node | null] }).parked;
      parent.insertBefore(post, next);
    });
    await page.waitForTimeout(300);
    expect(await controls(page)).toEqual([]); // nothing came back with it
    await page.reload();
    await page.waitForTimeout(300);
    expect(await controls(page)).toEqual([]);
    await toggle.check();
    await page.waitForFunction((n) => document.querySelectorAll('[data-consentry-control]').length === n, own.length);
    await popup.close();
    await page.close();
  });
});
