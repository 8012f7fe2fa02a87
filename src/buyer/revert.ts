import { BaseError, ContractFunctionRevertedError, decodeErrorResult, type Abi, type Hex } from 'viem';
import { abi as exchangeAbi } from '../chain/generated/LicenseExchange';
import { abi as stablecoinAbi } from '../chain/generated/TestStablecoin';

/** The exchange's errors and, bubbled up through SafeERC20, the standard ERC-20 ones (OpenZeppelin's). */
const ERRORS = [...exchangeAbi, ...stablecoinAbi].filter((x) => x.type === 'error') as Abi;

/** A decoded contract revert: the custom error's name and arguments. */
export interface Revert {
  name: string;
  args: readonly unknown[];
}

/** The custom error a call reverted with, or undefined if it failed for another reason (RPC down, …). */
export function revertOf(e: unknown): Revert | undefined {
  const reverted = e instanceof BaseError ? e.walk((x) => x instanceof ContractFunctionRevertedError) : null;
  if (!(reverted instanceof ContractFunctionRevertedError)) return undefined;
  if (reverted.data?.errorName) return { name: reverted.data.errorName, args: reverted.data.args ?? [] };
  if (reverted.raw) {
    try {
      const d = decodeErrorResult({ abi: ERRORS, data: reverted.raw as Hex });
      return { name: d.errorName, args: d.args ?? [] };
    } catch {
      // an error we have no ABI for: fall through to the generic reason
    }
  }
  return { name: reverted.reason ?? 'unknown revert', args: [] };
}

/** Reverts that mean the buyer cannot pay: no point trying other offers. */
export const PAYMENT_ERRORS = new Set(['ERC20InsufficientBalance', 'ERC20InsufficientAllowance']);
