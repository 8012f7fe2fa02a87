import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, type Session } from './harness';

// A content script is untrusted input: even code running in our own isolated world on the site
// (as a compromised page might reach) can only report posts, and only well-formed ones of that site.
let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => s?.close());

it('the background refuses forged or out-of-place messages from a content script and stores nothing', async () => {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  await page.goto('https://bsky.app/');
  await page.locator('[data-consentry-control]').first().waitFor();
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Consentry');
  expect(world, 'our content script world').toBeTruthy();

  const send = async (message: unknown) => {
    const { result } = (await cdp.send('Runtime.evaluate', {
      contextId: world!.id,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: { ok: boolean; error?: string } } };
    return result.value;
  };
  const report = {
    platform: 'bluesky',
    postId: '3lp4pgry2hc2u',
    url: 'https://bsky.app/profile/alice.consentry.social/post/3lp4pgry2hc2u',
    author: 'alice.consentry.social',
    createdAt: null,
    text: 'forged',
    media: [],
  };
  expect(await send({ type: 'post.consent', payload: { report: { ...report, url: 'https://bsky.app/profile/bob.bsky.social/post/3lp4pgry2hc2u' }, optIn: true } })).toEqual({
    ok: false,
    error: 'report.url: not the canonical permalink of this post',
  });
  expect(await send({ type: 'post.consent', payload: { report: { ...report, platform: 'x' }, optIn: true } })).toMatchObject({ ok: false, error: expect.stringContaining('page is not on X') });
  expect(await send({ type: 'post.consent', payload: { report: { ...report, media: ['javascript:alert(1)'] }, optIn: true } })).toMatchObject({ ok: false, error: expect.stringContaining('report.media') });
  expect(await send({ type: 'post.consent', payload: { report, optIn: 'yes' } })).toMatchObject({ ok: false, error: 'optIn: not a boolean' });
  expect(await send({ type: 'site.setEnabled', payload: { platform: 'bluesky', enabled: false } })).toMatchObject({ ok: false, error: expect.stringContaining('sender not allowed') });
  expect(await send({ type: 'post.setConsent', payload: { platform: 'bluesky', postId: '3lp4pgry2hc2u', optIn: true } })).toMatchObject({ ok: false });

  const popup = await s.openPopup();
  await popup.getByText('No posts yet.').waitFor();
  await popup.close();
  await page.close();
});
