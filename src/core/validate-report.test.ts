import { describe, expect, it } from 'vitest';
import { permalink } from './permalink';
import { validatePostReport } from './validate-report';

const good = {
  platform: 'x',
  postId: '1851234567890123456',
  url: 'https://x.com/consentry_ana/status/1851234567890123456',
  author: 'consentry_ana',
  createdAt: '2026-11-20T09:30:00.000Z',
  text: 'hello',
  media: ['https://pbs.twimg.com/media/abc?format=jpg'],
};

describe('validatePostReport', () => {
  it('accepts a well-formed report and drops unknown fields', () => {
    const r = validatePostReport({ ...good, evil: '<script>', sign: '0xdead' });
    expect(r).toEqual({ ok: true, value: good });
  });

  it.each([
    ['not an object', 'nope', 'report: not an object'],
    ['unknown platform', { ...good, platform: 'myspace' }, 'report.platform'],
    ['id with a path in it', { ...good, postId: '123/../../x' }, 'report.postId'],
    ['handle that is not an X handle', { ...good, author: 'ana<script>' }, 'report.author'],
    ['url of another post', { ...good, url: 'https://x.com/consentry_ana/status/1' }, 'report.url'],
    ['url on another host', { ...good, url: 'https://evil.example/consentry_ana/status/1851234567890123456' }, 'report.url'],
    ['bad date', { ...good, createdAt: 'yesterday' }, 'report.createdAt'],
    ['huge text', { ...good, text: 'a'.repeat(100_001) }, 'report.text'],
    ['javascript: media', { ...good, media: ['javascript:alert(1)'] }, 'report.media'],
    ['too many media', { ...good, media: Array(21).fill('https://a.example/x.jpg') }, 'report.media'],
  ])('refuses %s with a message naming the field', (_n, input, field) => {
    const r = validatePostReport(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(field);
  });

  it('builds canonical Bluesky permalinks with the handle in lower case', () => {
    expect(permalink('bluesky', 'Alice.Consentry.Social', '3lbq2x7abcd2k')).toBe(
      'https://bsky.app/profile/alice.consentry.social/post/3lbq2x7abcd2k',
    );
  });
});
