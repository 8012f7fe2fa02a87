import { erc20Abi, InsufficientFundsError, type Address } from 'viem';
import { rpcError, type Chain } from './chain';
import { money } from './format';
import { CliError, type CliIo } from './io';

/**
 * Make sure the buyer can pay `totals` (per token): refuse with a clear message if the balance is short, and
 * approve the exchange for exactly the total (one approve per token) unless the allowance already covers it.
 */
export async function ensureFunds(chain: Chain, totals: Map<Address, bigint>, io: CliIo): Promise<void> {
  for (const [token, total] of totals) {
    const meta = await chain.tokenMeta(token);
    const [balance, allowance] = await Promise.all([chain.balance(token), chain.allowance(token)]).catch((e: unknown) => {
      throw rpcError(chain.rpc, e);
    });
    if (balance < total)
      throw new CliError(`insufficient balance: ${chain.buyer} holds ${money(balance, meta)} of ${token}, the purchase needs ${money(total, meta)}`);
    if (allowance >= total) {
      io.err(`allowance: the exchange may already spend ${money(allowance, meta)} (needs ${money(total, meta)})`);
      continue;
    }
    io.err(`approve: letting the exchange ${chain.exchange} spend ${money(total, meta)}`);
    const hash = await chain.wallet
      .writeContract({ address: token, abi: erc20Abi, functionName: 'approve', args: [chain.exchange, total], chain: null })
      .catch((e: unknown) => {
        if (e instanceof Error && 'walk' in e && (e as InsufficientFundsError).walk((x) => x instanceof InsufficientFundsError))
          throw new CliError(`insufficient funds for gas: ${chain.buyer} cannot pay for the approve transaction`);
        throw e;
      });
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new CliError(`approve transaction ${hash} reverted`);
  }
}
