import { formatDisplayAmount } from '../core/terms/amount';
import type { TokenMeta } from './chain';

/** `0x1234…abcd`: enough to tell ids apart in a listing, short enough for one line. */
export function short(hex: string): string {
  return hex.length > 12 ? `${hex.slice(0, 6)}…${hex.slice(-4)}` : hex;
}

/** An amount in the token's display units with its symbol, e.g. `0.02 USDC`. */
export function money(amount: bigint, token: TokenMeta): string {
  return `${formatDisplayAmount(amount, token.decimals)} ${token.symbol}`;
}

/** A text progress bar for stderr, e.g. `[#######-------------] 7/20 offers`. */
export function progressBar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} offers`;
}
