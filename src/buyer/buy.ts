import { parseEventLogs, type Address, type Hex } from 'viem';
import { abi as exchangeAbi } from '../chain/generated/LicenseExchange';
import { intFlag, type Flags } from './args';
import { connect, type Chain } from './chain';
import { collect, type Candidate } from './collect';
import { offerFilter } from './filters';
import { ensureFunds } from './funds';
import { money, progressBar } from './format';
import { CliError, type CliIo } from './io';
import { reconcile } from './reconcile';
import { prepareBatch, sendBatch } from './send-batch';
import { loadState, saveState, type BuyerState } from './state';

/** What one `buy` run did. */
export interface BuyReturnType {
  bought: Hex[];
  /** Paid per token, base units. */
  paid: Map<Address, bigint>;
  skipped: { offerId: string; why: string }[];
  txHashes: Hex[];
}

function totals(candidates: Candidate[]): Map<Address, bigint> {
  const sum = new Map<Address, bigint>();
  for (const c of candidates) sum.set(c.token, (sum.get(c.token) ?? 0n) + c.purchase.leaf.price);
  return sum;
}

async function describe(chain: Chain, sums: Map<Address, bigint>): Promise<string> {
  const parts = await Promise.all([...sums].map(async ([token, total]) => money(total, await chain.tokenMeta(token))));
  return parts.join(' + ');
}

/** Record the batch as sent before waiting on it: from here a crash is resumed by reading its receipt. */
async function recordSent(state: BuyerState, statePath: string, batch: Candidate[], txHash: Hex): Promise<void> {
  for (const c of batch) state.offers[c.purchase.offerId] = { status: 'sent', txHash, ...c.record };
  state.batches.push({ txHash, offerIds: batch.map((c) => c.purchase.offerId), sentAt: new Date().toISOString() });
  await saveState(statePath, state);
}

/**
 * `buy`: check, approve and buy every matching offer not yet owned, in `purchaseMany` batches, recording each
 * batch in the state file before going on, so an interrupted run resumes without paying twice.
 */
export async function buy(flags: Flags, io: CliIo): Promise<BuyReturnType> {
  const max = intFlag(flags.max, 'max') ?? Infinity;
  const batchSize = intFlag(flags['batch-size'], 'batch-size')!;
  const chain = await connect({ rpc: flags.rpc, key: flags.key ?? io.env?.BUYER_PRIVATE_KEY, exchange: flags.exchange });
  const state = await loadState(flags.state, { chainId: chain.chainId, exchange: chain.exchange, buyer: chain.buyer });
  await reconcile(chain, state, flags.state, io);

  const filter = await offerFilter(flags, chain);
  const found = await collect({ registry: flags.registry, chain, filter, state, max, io });
  await saveState(flags.state, state); // licences found on chain are worth remembering even if nothing is bought
  const result: BuyReturnType = { bought: [], paid: new Map(), skipped: [...found.skipped], txHashes: [] };
  if (found.candidates.length === 0) {
    io.out(`nothing to buy (${found.owned} already licensed, ${found.skipped.length} skipped)`);
    return result;
  }
  // Grouped by signed batch: purchaseMany checks each batch's signature once and pays each licensor once per run.
  const todo = [...found.candidates].sort((a, b) => (a.purchase.batch.root < b.purchase.batch.root ? -1 : 1));
  const sums = totals(todo);
  io.out(`to buy: ${todo.length} licence(s) for ${await describe(chain, sums)} (${found.owned} already licensed)`);
  if (!flags.yes) {
    const ok = io.confirm ? await io.confirm('Approve and buy? [y/N] ') : false;
    if (!ok) throw new CliError(io.confirm ? 'not bought' : 'not bought: rerun with --yes to approve and pay');
  }
  await ensureFunds(chain, sums, io);

  const chunks = Math.ceil(todo.length / batchSize);
  let done = 0;
  for (let i = 0; i < chunks; i++) {
    const prepared = await prepareBatch(chain, todo.slice(i * batchSize, (i + 1) * batchSize), io);
    result.skipped.push(...prepared.dropped);
    done += prepared.dropped.length;
    if (prepared.batch.length === 0) continue;
    io.err(`batch ${i + 1}/${chunks}: ${prepared.batch.length} offer(s), gas estimate ${prepared.gas.toLocaleString('en-US')}`);
    await io.hooks?.beforeSend?.(i);
    const txHash = await sendBatch(chain, prepared.batch, prepared.gas);
    await recordSent(state, flags.state, prepared.batch, txHash);
    await io.hooks?.afterSend?.(i, txHash);
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash: txHash });
    if (receipt.status !== 'success') {
      // All or nothing: none of the batch was bought; forget it so a rerun tries again.
      for (const c of prepared.batch) delete state.offers[c.purchase.offerId];
      await saveState(flags.state, state);
      throw new CliError(`purchase transaction ${txHash} reverted; nothing in it was paid. Rerun buy to retry.`);
    }
    for (const c of prepared.batch) state.offers[c.purchase.offerId]!.status = 'done';
    await saveState(flags.state, state);
    const licensed = parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'Licensed' });
    for (const e of licensed) {
      result.bought.push(e.args.offerId);
      result.paid.set(e.args.token, (result.paid.get(e.args.token) ?? 0n) + e.args.amount);
    }
    result.txHashes.push(txHash);
    done += prepared.batch.length;
    io.err(`${progressBar(done, todo.length)}  tx ${txHash}`);
  }
  io.out(`bought ${result.bought.length} licence(s) for ${result.paid.size ? await describe(chain, result.paid) : 'nothing'}; ${result.skipped.length} skipped`);
  return result;
}
