import {
  BaseError,
  ContractFunctionRevertedError,
  encodeFunctionData,
  keccak256,
  TransactionReceiptNotFoundError,
  type Hex,
  type PrivateKeyAccount,
  type PublicClient,
  type TransactionReceipt,
  type WalletClient,
} from 'viem';
import { abi as exchangeAbi } from '../../chain/generated/LicenseExchange';
import type { OfferDomain } from '../../core/offer/types';
import type { Db } from '../db/db';
import {
  deferRelay,
  markRelayed,
  nextUnrelayed,
  recentlyRelayed,
  recordRelayPending,
  requeueRelayed,
  type UnrelayedRevocation,
} from '../queries/revocations';
import { describeError, isUnreachable } from './errors';

export interface RelayerParameters {
  db: Db;
  client: PublicClient;
  wallet: WalletClient;
  account: PrivateKeyAccount;
  domain: OfferDomain;
  /** How often a transaction in flight is looked for on chain. */
  pollMs: number;
  /** How long one attempt waits for its transaction to be mined before moving on (it stays in flight). */
  receiptTimeoutMs?: number;
  /** Blocks after which a relay transaction is taken as final and no longer checked. */
  reorgDepth: number;
  /** Whether to give up waiting early (the registry is stopping). */
  stopping: () => boolean;
  log: (message: string) => void;
}

/** What one step did: relayed (or found nothing to send), put one aside for later, waits for a transaction, or had nothing to do. */
export type RelayStep = 'relayed' | 'deferred' | 'waiting' | 'idle';

/** The custom error a call reverted with, or undefined if it did not revert (an RPC failure, say). */
function revertReason(e: unknown): string | undefined {
  if (!(e instanceof BaseError)) return undefined;
  const reverted = e.walk((x) => x instanceof ContractFunctionRevertedError);
  if (!(reverted instanceof ContractFunctionRevertedError)) return undefined;
  return reverted.data?.errorName ?? reverted.reason ?? reverted.shortMessage;
}

/**
 * Relays stored revocations on chain (`revokeBySig`), oldest first, one transaction at a time.
 *
 * Never a second transaction for one revocation: the signed transaction is stored (hash, raw bytes, nonce) before
 * it is broadcast. After a failure, whether or not the node got it, the next attempt looks for its receipt and
 * broadcasts the very same bytes again; only once its nonce is taken by something else without it being mined is
 * the revocation looked at afresh. A revocation whose offers are all revoked on chain already is marked relayed
 * without a transaction. One that reverts is put aside with growing delays and does not hold up the others.
 * An RPC failure is thrown to the caller, which retries with backoff; nothing stored is lost.
 * Relay transactions are checked while idle until `reorgDepth` blocks deep (at start, the latest few): one the
 * chain no longer has (a reorg, a development chain started afresh) puts its revocation back in the queue.
 */
export function createRelayer({ db, client, wallet, account, domain, pollMs, receiptTimeoutMs = 60_000, reorgDepth, stopping, log }: RelayerParameters) {
  const exchange = domain.verifyingContract;
  /** Relay transactions not yet final, by revocation; undefined until loaded from the database at the first idle step. */
  let unfinal: Map<Hex, Hex> | undefined;
  const retryDelay = (attempts: number) => Math.min(3_600_000, pollMs * 30 * 2 ** Math.min(attempts, 20));

  async function receiptOf(hash: Hex): Promise<TransactionReceipt | undefined> {
    try {
      return await client.getTransactionReceipt({ hash });
    } catch (e) {
      if (e instanceof TransactionReceiptNotFoundError) return undefined;
      throw e;
    }
  }

  async function waitForReceipt(hash: Hex): Promise<TransactionReceipt | undefined> {
    const until = Date.now() + receiptTimeoutMs;
    for (;;) {
      const receipt = await receiptOf(hash);
      if (receipt || Date.now() > until || stopping()) return receipt;
      await new Promise((r) => setTimeout(r, Math.min(pollMs, 1000)));
    }
  }

  async function settle(r: UnrelayedRevocation, receipt: TransactionReceipt): Promise<RelayStep> {
    if (receipt.status === 'success') {
      await markRelayed(db, r.revocationId, receipt.transactionHash);
      unfinal?.set(r.revocationId, receipt.transactionHash);
      log(`revocation ${r.revocationId} (${r.revocation.offerIds.length} offer(s)) relayed in ${receipt.transactionHash}, block ${receipt.blockNumber}`);
      return 'relayed';
    }
    const delay = retryDelay(r.attempts);
    await deferRelay(db, r.revocationId, `transaction ${receipt.transactionHash} reverted`, delay);
    log(`revocation ${r.revocationId}: transaction ${receipt.transactionHash} reverted; trying again in ${Math.round(delay / 1000)} s`);
    return 'deferred';
  }

  /** A transaction of ours is in flight for `r`: see it through, or find it can never be mined. */
  async function resume(r: UnrelayedRevocation, pending: NonNullable<UnrelayedRevocation['pending']>): Promise<RelayStep | undefined> {
    const mined = await receiptOf(pending.hash);
    if (mined) return settle(r, mined);
    const confirmedNonce = await client.getTransactionCount({ address: account.address, blockTag: 'latest' });
    if (BigInt(confirmedNonce) > pending.nonce) {
      // Its nonce is used. Mined in between? Otherwise another transaction took the nonce and ours is void.
      const late = await receiptOf(pending.hash);
      if (late) return settle(r, late);
      log(`revocation ${r.revocationId}: transaction ${pending.hash} was replaced (nonce ${pending.nonce} used by another); looking again`);
      return undefined;
    }
    try {
      await client.sendRawTransaction({ serializedTransaction: pending.raw });
    } catch (e) {
      if (isUnreachable(e)) throw e;
      // The node answered: most likely "already known". Its receipt decides.
    }
    const receipt = await waitForReceipt(pending.hash);
    return receipt ? settle(r, receipt) : 'waiting';
  }

  async function allRevokedOnChain(r: UnrelayedRevocation): Promise<boolean> {
    const { licensor, offerIds } = r.revocation;
    for (let i = 0; i < offerIds.length; i += 500) {
      const chunk = offerIds.slice(i, i + 500);
      const revoked = await Promise.all(
        chunk.map((id) => client.readContract({ address: exchange, abi: exchangeAbi, functionName: 'isRevoked', args: [licensor, id] })),
      );
      if (revoked.includes(false)) return false;
    }
    return true;
  }

  async function send(r: UnrelayedRevocation): Promise<RelayStep> {
    if (await allRevokedOnChain(r)) {
      await markRelayed(db, r.revocationId, null);
      log(`revocation ${r.revocationId}: its ${r.revocation.offerIds.length} offer(s) are already revoked on chain; nothing to send`);
      return 'relayed';
    }
    const args = [r.revocation, r.signature] as const;
    const nonce = await client.getTransactionCount({ address: account.address, blockTag: 'pending' });
    let request;
    try {
      // Both run the call: a revert (named by the simulation), or more gas than a block holds, fails here.
      await client.simulateContract({ account, address: exchange, abi: exchangeAbi, functionName: 'revokeBySig', args });
      request = await wallet.prepareTransactionRequest({
        account,
        chain: null,
        to: exchange,
        data: encodeFunctionData({ abi: exchangeAbi, functionName: 'revokeBySig', args }),
        nonce,
      });
    } catch (e) {
      if (isUnreachable(e)) throw e;
      // The node answered, and no: this revocation's problem. It waits its turn again; the others go on.
      const reason = revertReason(e) ?? describeError(e);
      const delay = retryDelay(r.attempts);
      await deferRelay(db, r.revocationId, `revokeBySig cannot be sent: ${reason}`, delay);
      log(`revocation ${r.revocationId} (${r.revocation.offerIds.length} offer(s)): revokeBySig cannot be sent (${reason}); trying again in ${Math.round(delay / 1000)} s`);
      return 'deferred';
    }
    const raw = await wallet.signTransaction({ ...request, chain: null } as Parameters<typeof wallet.signTransaction>[0]);
    const pending = { hash: keccak256(raw), raw, nonce: BigInt(nonce) };
    await recordRelayPending(db, r.revocationId, pending);
    return (await resume({ ...r, pending }, pending)) ?? 'waiting';
  }

  /** Is every relay transaction not yet final still on chain? Requeue the revocations of those that are not. */
  async function recheck(): Promise<RelayStep> {
    unfinal ??= new Map((await recentlyRelayed(db, domain, 20)).map((x) => [x.revocationId, x.txHash]));
    if (unfinal.size === 0) return 'idle';
    const head = await client.getBlockNumber({ cacheTime: 0 });
    const checked = await Promise.all([...unfinal].map(async ([id, hash]) => [id, hash, await receiptOf(hash)] as const));
    let requeued = false;
    for (const [id, hash, receipt] of checked) {
      if (receipt && receipt.status === 'success') {
        if (head - receipt.blockNumber >= BigInt(reorgDepth)) unfinal.delete(id);
        continue;
      }
      unfinal.delete(id);
      await requeueRelayed(db, id, hash, `relay transaction ${hash} is no longer on chain`);
      log(`revocation ${id}: relay transaction ${hash} is no longer on chain (a reorg, or a new chain); relaying it again`);
      requeued = true;
    }
    return requeued ? 'deferred' : 'idle';
  }

  return {
    /** Relay the oldest revocation due, or carry its transaction in flight one step further; when none, check the recent ones. */
    async step(): Promise<RelayStep> {
      const r = await nextUnrelayed(db, domain);
      if (!r) return recheck();
      if (r.pending) {
        const done = await resume(r, r.pending);
        if (done) return done;
      }
      return send(r);
    },
  };
}

export type Relayer = ReturnType<typeof createRelayer>;
