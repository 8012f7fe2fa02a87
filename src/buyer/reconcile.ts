import { TransactionNotFoundError, TransactionReceiptNotFoundError, type Hex } from 'viem';
import type { Chain } from './chain';
import type { CliIo } from './io';
import { saveState, type BuyerState } from './state';

async function receiptOf(chain: Chain, hash: Hex) {
  try {
    return await chain.publicClient.getTransactionReceipt({ hash });
  } catch (e) {
    if (!(e instanceof TransactionReceiptNotFoundError)) throw e;
  }
  try {
    await chain.publicClient.getTransaction({ hash });
  } catch (e) {
    if (e instanceof TransactionNotFoundError) return null; // dropped: never mined, never will be
    throw e;
  }
  // Known but pending: wait for it, or a resumed run could send a second purchase of the same offers.
  return chain.publicClient.waitForTransactionReceipt({ hash, timeout: 120_000 });
}

/**
 * Bring a state left by an interrupted run up to date with the chain, before anything is bought: every offer
 * recorded as 'sent' becomes 'done' if its transaction succeeded (or the chain shows the licence anyway),
 * and is forgotten (so it can be bought again) if its transaction reverted or was dropped.
 */
export async function reconcile(chain: Chain, state: BuyerState, statePath: string, io: CliIo): Promise<void> {
  const sent = Object.entries(state.offers).filter(([, o]) => o.status === 'sent') as [Hex, BuyerState['offers'][Hex]][];
  if (sent.length === 0) return;
  io.err(`resuming: checking ${sent.length} offer(s) sent by an earlier run`);
  const receipts = new Map<Hex, Awaited<ReturnType<typeof receiptOf>>>();
  for (const [id, o] of sent) {
    if (o.txHash && !receipts.has(o.txHash)) receipts.set(o.txHash, await receiptOf(chain, o.txHash));
    const receipt = o.txHash ? receipts.get(o.txHash) : null;
    if (receipt?.status === 'success' || (await chain.hasLicense(id))) o.status = 'done';
    else delete state.offers[id];
  }
  await saveState(statePath, state);
}
