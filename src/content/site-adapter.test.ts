// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cssString } from './site-adapter';

describe('cssString', () => {
  it('quotes any value so an attribute selector matches exactly it, and nothing breaks out of the selector', () => {
    const div = document.createElement('div');
    for (const value of ['plain', 'with "quotes"', 'back\\slash', 'line\nbreak', 'emoji 😀 ok', '"], body, [x="', '']) {
      div.setAttribute('data-v', value);
      expect([value, div.matches(`[data-v=${cssString(value)}]`)]).toEqual([value, true]);
      expect(div.matches(`[data-v=${cssString(`${value}x`)}]`)).toBe(false);
    }
  });
});
