import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickControl, controlOf, controls, fixture, launch, openWithControl, scrollFeed, waitForPressed, type ScrollSpec, type Session } from './harness';
import { SITES } from './sites';

// The built extension in Chromium, each site routed to its saved pages: what a user sees on the page.
describe.each(SITES)('$name in Chromium', (site) => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    for (const [key, body] of Object.entries(site.api ?? {})) s.overrides.set(key, body());
  });
  afterAll(async () => s?.close());

  it('puts a control on exactly the own posts of the timeline, the profile and a post page', async () => {
    const page = await s.context.newPage();
    for (const [url, own] of site.pages) {
      await page.goto(url);
      if (own.length) await page.locator('[data-consentry-control]').first().waitFor();
      await page.waitForTimeout(150); // a wrong control would be added within this time
      const seen = await controls(page);
      expect(seen.map((c) => c.id).sort(), url).toEqual([...own].sort());
      expect(seen.every((c) => !c.pressed && /License/.test(c.label))).toBe(true);
    }
    await page.close();
  });

  it('shows each control in its post, where the site puts such buttons, without making that line taller', async () => {
    const page = await s.context.newPage();
    for (const [url, own] of site.pages.slice(0, 2)) {
      await page.goto(url);
      await page.waitForFunction((n) => document.querySelectorAll('[data-consentry-control]').length === n, own.length);
      for (const id of own) {
        const where = await controlOf(page, id).evaluate((host, place) => {
          const line = host.parentElement!;
          const others = [...line.children].filter((c) => c !== host).map((c) => c.getBoundingClientRect().height);
          const box = host.getBoundingClientRect();
          return { inPlace: line.matches(place), line: line.getBoundingClientRect().height, tallest: Math.max(0, ...others), shown: box.width > 0 && box.height > 0 };
        }, site.place(id));
        expect(where, `${url} ${id}`).toMatchObject({ inPlace: true, shown: true });
        expect(where.line, `${url} ${id}`).toBeLessThanOrEqual(where.tallest + 0.5);
      }
    }
    await page.close();
  });

  it('shows nothing on a page whose markup has changed, and does not break it', async () => {
    const page = await s.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    s.overrides.set(site.changed.url, fixture(site.changed.file));
    await page.goto(`https://${site.changed.url}`);
    await page.waitForTimeout(300);
    expect(await controls(page)).toEqual([]);
    expect(errors).toEqual([]);
    s.overrides.delete(site.changed.url);
    await page.close();
  });

  it('one click opts in, another opts out; the state survives a reload and shows on every page of the post', async () => {
    const page = await s.context.newPage();
    const url = site.pages[0]![0];
    const id = site.sharedId;
    await page.goto(url);
    await clickControl(page, id);
    await waitForPressed(page, id, true);
    // The click opened nothing: the site would navigate to the post if it reached the post's container.
    expect(page.url()).toBe(url);
    await page.reload();
    await waitForPressed(page, id, true);
    const other = await s.context.newPage();
    await other.goto(site.profileOf(id));
    await waitForPressed(other, id, true);
    await clickControl(other, id);
    await waitForPressed(other, id, false);
    await waitForPressed(page, id, false); // the other tab follows storage
    await other.close();
    await page.close();
  });

  it("a click made by the page's own script changes nothing; the user's click shows the control as licensed", async () => {
    const [url, own] = site.pages[0]!;
    const id = own[0]!;
    const { page, host } = await openWithControl(s, url, id);
    const look = () =>
      host.evaluate((h) => {
        const b = h.shadowRoot!.querySelector('button')!;
        const style = getComputedStyle(b);
        return { text: b.textContent, background: style.backgroundColor, radius: style.borderRadius };
      });
    expect(await look()).toEqual({ text: 'License', background: 'rgba(0, 0, 0, 0)', radius: '999px' });
    // The page's scripts can reach the open shadow root and click the button: that is not the user's consent.
    await page.evaluate((id) => document.querySelector<HTMLElement>(`[data-consentry-control="${id}"]`)!.shadowRoot!.querySelector('button')!.click(), id);
    await page.waitForTimeout(500);
    expect((await controls(page)).find((c) => c.id === id)?.pressed).toBe(false);
    expect(page.url()).toBe(url);
    await clickControl(page, id);
    await waitForPressed(page, id, true);
    expect(await look()).toEqual({ text: 'Licensed', background: 'rgb(0, 135, 90)', radius: '999px' });
    await clickControl(page, id); // back out, for the tests that follow
    await waitForPressed(page, id, false);
    await page.close();
  });

  it('a post that changed on the page after its control was shown gets an error on the control, and stays out', async () => {
    const [url, own] = site.pages[0]!;
    const id = own.at(-1)!;
    const { page, host } = await openWithControl(s, url, id);
    // The page now shows another post in that element (its links name another id): the click must not capture it.
    await page.evaluate((id) => {
      const other = id.slice(0, -1) + (id.endsWith('2') ? '3' : '2');
      for (const a of document.querySelectorAll(`a[href*="${id}"]`)) a.setAttribute('href', a.getAttribute('href')!.replaceAll(id, other));
    }, id);
    await clickControl(page, id);
    const alert = host.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('This post changed on the page. Try again.');
    expect((await controls(page)).find((c) => c.id === id)?.pressed).toBe(false);
    expect(page.url()).toBe(url);
    await page.close();
  });

  it('500 posts arriving by scroll into a virtualised list: controls on exactly the own ones', async () => {
    const page = await s.context.newPage();
    await page.goto(site.pages[0]![0]);
    await page.waitForFunction((n) => document.querySelectorAll('[data-consentry-control]').length === n, site.pages[0]![1].length);
    const stats = await scrollFeed(page, { ...site.scroll, total: 500, window: 40 });
    console.log(site.name, 'scroll', JSON.stringify(stats));
    expect(stats.cells).toBe(500);
    expect(stats.ownCells).toBeGreaterThan(100);
    expect(stats.ownWithControl).toBe(stats.ownCells);
    expect(stats.othersWithControl).toBe(0);
    expect(stats.wrongId).toBe(0);
    expect(stats.recreated).toBeGreaterThan(10);
    await page.close();
  });

  it('in-app navigation to another page gets controls on its posts', async () => {
    const page = await s.context.newPage();
    await page.goto(site.pages[0]![0]);
    await page.locator('[data-consentry-control]').first().waitFor();
    // The single-page app swaps the main column and pushes a URL, without a page load.
    const [profileUrl, profileOwn] = site.pages[1]!;
    const html = fixture(site.profileFile);
    await page.evaluate(
      ({ html, url, main }) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        document.querySelector(main)!.replaceWith(document.importNode(doc.querySelector(main)!, true));
        history.pushState({}, '', url);
      },
      { html, url: profileUrl, main: site.mainColumn },
    );
    await page.waitForFunction((n) => document.querySelectorAll('[data-consentry-control]').length === n, profileOwn.length);
    expect((await controls(page)).map((c) => c.id).sort()).toEqual([...profileOwn].sort());
    await page.close();
  });
});

export type { ScrollSpec };
