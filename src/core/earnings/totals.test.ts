import { describe, expect, it } from 'vitest';
import { formatTokenAmount, shortHex } from './format';
import type { Sale } from './ledger';
import { dailySeries, sumBy } from './totals';

const T = '0xtoken';
const DAY = 86_400;
const today = Date.UTC(2026, 10, 26, 15) / 1000;
const sale = (offerId: string, amount: string, timestamp: number): Sale => ({
  offerId, amount, timestamp, token: T, buyer: '0xb', blockNumber: 1, blockHash: '0xh', txHash: `0x${offerId}${timestamp}`, logIndex: 0,
});

describe('earnings series and sums', () => {
  const sales = [sale('a', '1000000', today), sale('a', '500000', today - 2 * DAY), sale('b', '4000000', today - DAY), sale('c', '7', today - 40 * DAY)];

  it('sums per day over a window, zeros included, oldest first', () => {
    expect(dailySeries(sales, T, 3, today)).toEqual([
      { day: '2026-11-24', amount: '500000' },
      { day: '2026-11-25', amount: '4000000' },
      { day: '2026-11-26', amount: '1000000' },
    ]);
  });

  it('ranks posts by what they earned', () => {
    expect(sumBy(sales, T, (s) => s.offerId)).toEqual([
      { key: 'b', amount: '4000000', count: 1 },
      { key: 'a', amount: '1500000', count: 2 },
      { key: 'c', amount: '7', count: 1 },
    ]);
  });
});

describe('formatTokenAmount', () => {
  it('applies the token decimals', () => {
    expect(formatTokenAmount('2500000', 6)).toBe('2.50');
    expect(formatTokenAmount(1_234_567_891n, 6)).toBe('1,234.567891');
    expect(formatTokenAmount('0', 6)).toBe('0.00');
    expect(formatTokenAmount(10n ** 18n, 18)).toBe('1.00');
    expect(formatTokenAmount('7', 6, 2)).toBe('<0.01');
    expect(formatTokenAmount('5', 0)).toBe('5');
  });

  it('shortens hashes', () => {
    expect(shortHex('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')).toBe('0xf39F…2266');
  });
});
