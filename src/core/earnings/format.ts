/**
 * Base units as a person reads them: `formatTokenAmount('2500000', 6)` → '2.50'. Keeps at least two
 * decimals (money), at most `maxFraction`, and never rounds a non-zero amount to '0'.
 */
export function formatTokenAmount(amount: string | bigint, decimals: number, maxFraction = 6): string {
  const v = BigInt(amount);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  let frac = decimals > 0 ? (abs % base).toString().padStart(decimals, '0') : '';
  frac = frac.slice(0, Math.min(maxFraction, decimals)).replace(/0+$/, '');
  if (frac.length < 2 && decimals >= 2) frac = frac.padEnd(2, '0');
  if (whole === 0n && abs > 0n && /^0*$/.test(frac)) return `${neg ? '-' : ''}<0.${'0'.repeat(Math.max(0, Math.min(maxFraction, decimals) - 1))}1`;
  const wholeText = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${wholeText}${frac ? `.${frac}` : ''}`;
}

/** 0x1234…abcd: enough to recognise an address or hash. */
export function shortHex(hex: string, chars = 4): string {
  return hex.length <= 2 + chars * 2 + 1 ? hex : `${hex.slice(0, 2 + chars)}…${hex.slice(-chars)}`;
}
