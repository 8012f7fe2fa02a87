/**
 * Display amounts ("0.02") to token base units (20000n for a 6-decimals token) and back. Strings and
 * bigints only: a float cannot hold 0.1, and a price that is off by one base unit is a different offer.
 */

const DISPLAY = /^(\d*)(?:\.(\d*))?$/;

function checkDecimals(decimals: number): void {
  // ERC-20 `decimals()` is a uint8.
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 255) {
    throw new RangeError(`Token decimals must be a whole number from 0 to 255 (got ${decimals}).`);
  }
}

/**
 * Parses what a person typed into base units. Throws an Error whose message can be shown as is.
 * Accepts "1", "0.02", ".5", "2." and surrounding spaces; refuses signs, exponents, separators and
 * more digits after the point than the token has.
 * @example parseDisplayAmount('0.02', 6) // 20000n
 */
export function parseDisplayAmount(input: string, decimals: number): bigint {
  checkDecimals(decimals);
  const text = input.trim();
  if (text === '') throw new Error('Enter an amount.');
  if (text.startsWith('-')) throw new Error("The amount can't be negative.");
  const m = DISPLAY.exec(text);
  const whole = m?.[1] ?? '';
  const fraction = m?.[2] ?? '';
  if (!m || whole + fraction === '') throw new Error(`"${input.trim()}" isn't a number. Write it like 0.02.`);
  if (fraction.length > decimals) {
    throw new Error(
      decimals === 0
        ? 'This token has no decimal places: use a whole number.'
        : `Use at most ${decimals} digits after the decimal point.`,
    );
  }
  return BigInt((whole || '0') + fraction.padEnd(decimals, '0'));
}

/**
 * Base units as a plain decimal string: no trailing zeros, no exponent, no grouping.
 * @example formatDisplayAmount(20000n, 6) // '0.02'
 */
export function formatDisplayAmount(amount: bigint, decimals: number): string {
  checkDecimals(decimals);
  const sign = amount < 0n ? '-' : '';
  const digits = (amount < 0n ? -amount : amount).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return sign + whole + (fraction ? `.${fraction}` : '');
}
