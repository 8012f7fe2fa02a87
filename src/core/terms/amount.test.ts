import { randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatDisplayAmount, parseDisplayAmount } from './amount';

describe('parseDisplayAmount', () => {
  it.each([
    ['0.02', 6, 20_000n],
    ['1', 6, 1_000_000n],
    ['  12.5 ', 6, 12_500_000n],
    ['.5', 6, 500_000n],
    ['2.', 6, 2_000_000n],
    ['0.000001', 6, 1n],
    ['007', 0, 7n],
    ['0.1', 18, 100_000_000_000_000_000n],
    ['123456789012345678901234567890.123456789012345678', 18, 123456789012345678901234567890123456789012345678n],
  ])('%s with %i decimals is %s base units', (text, decimals, expected) => {
    expect(parseDisplayAmount(text, decimals)).toBe(expected);
  });

  it.each([
    ['0.0000001', 6, 'Use at most 6 digits after the decimal point.'],
    ['1.5', 0, 'This token has no decimal places: use a whole number.'],
    ['-1', 6, "The amount can't be negative."],
    ['-0.02', 6, "The amount can't be negative."],
    ['', 6, 'Enter an amount.'],
    ['   ', 6, 'Enter an amount.'],
    ['abc', 6, '"abc" isn\'t a number. Write it like 0.02.'],
    ['.', 6, '"." isn\'t a number. Write it like 0.02.'],
    ['1e3', 6, '"1e3" isn\'t a number. Write it like 0.02.'],
    ['+1', 6, '"+1" isn\'t a number. Write it like 0.02.'],
    ['1,5', 6, '"1,5" isn\'t a number. Write it like 0.02.'],
    ['1 000', 6, '"1 000" isn\'t a number. Write it like 0.02.'],
    ['0x10', 6, '"0x10" isn\'t a number. Write it like 0.02.'],
    ['1.2.3', 6, '"1.2.3" isn\'t a number. Write it like 0.02.'],
    ['Infinity', 6, '"Infinity" isn\'t a number. Write it like 0.02.'],
    ['١٢', 6, '"١٢" isn\'t a number. Write it like 0.02.'],
  ])('refuses %j (%i decimals) with a message a person can act on', (text, decimals, message) => {
    expect(() => parseDisplayAmount(text, decimals)).toThrow(message);
  });

  it('refuses decimals no ERC-20 token can have', () => {
    expect(() => parseDisplayAmount('1', -1)).toThrow(RangeError);
    expect(() => parseDisplayAmount('1', 1.5)).toThrow(RangeError);
    expect(() => parseDisplayAmount('1', 256)).toThrow(RangeError);
  });
});

describe('formatDisplayAmount', () => {
  it.each([
    [20_000n, 6, '0.02'],
    [1_000_000n, 6, '1'],
    [12_500_000n, 6, '12.5'],
    [1n, 6, '0.000001'],
    [0n, 6, '0'],
    [7n, 0, '7'],
    [10n ** 30n, 18, '1000000000000'],
    [-20_000n, 6, '-0.02'],
  ])('%s base units with %i decimals shows %s', (amount, decimals, expected) => {
    expect(formatDisplayAmount(amount, decimals)).toBe(expected);
  });

  it('round-trips random amounts exactly, for any decimals', () => {
    for (let i = 0; i < 2000; i++) {
      const amount = BigInt(`0x0${randomBytes(randomInt(0, 40)).toString('hex')}`);
      const decimals = i % 10 === 0 ? randomInt(0, 256) : randomInt(0, 37);
      const shown = formatDisplayAmount(amount, decimals);
      expect(shown).not.toMatch(/e|\.$|\.\d*0$/);
      expect(parseDisplayAmount(shown, decimals)).toBe(amount);
    }
  });

  it('round-trips what a person types, up to trailing zeros', () => {
    expect(formatDisplayAmount(parseDisplayAmount('0.50', 6), 6)).toBe('0.5');
    expect(formatDisplayAmount(parseDisplayAmount('000.020', 6), 6)).toBe('0.02');
  });
});
