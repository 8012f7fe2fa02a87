import type { Hex } from 'viem';
import { abi as exchangeAbi } from '../chain/generated/LicenseExchange';
import type { Chain } from './chain';
import type { Candidate } from './collect';
import { short } from './format';
import { CliError, type CliIo } from './io';
import { PAYMENT_ERRORS, revertOf, type Revert } from './revert';

type Purchase = { leaf: Candidate['purchase']['leaf']; proof: Hex[]; batch: Candidate['purchase']['batch']; signature: Hex };

const asPurchase = ({ purchase: p }: Candidate): Purchase => ({ leaf: p.leaf, proof: p.proof, batch: p.batch, signature: p.signature });

/** Why the chain refuses one offer, in words, or throws if the refusal means the buyer cannot pay at all. */
function refusal(r: Revert): string {
  if (PAYMENT_ERRORS.has(r.name)) throw new CliError(`the token refused the payment (${r.name}): check the balance and allowance`);
  return r.name === 'OfferRevoked' ? 'revoked by its licensor (contract: OfferRevoked)' : `refused by the contract: ${r.name}`;
}

async function estimate(chain: Chain, batch: Candidate[]): Promise<bigint> {
  return chain.publicClient.estimateContractGas({
    address: chain.exchange,
    abi: exchangeAbi,
    functionName: 'purchaseMany',
    args: [batch.map(asPurchase)],
    account: chain.account,
  });
}

export interface PreparedBatch {
  batch: Candidate[];
  gas: bigint;
  dropped: { offerId: Hex; why: string }[];
}

/**
 * Estimate the gas of `purchaseMany(batch)`. `purchaseMany` is all or nothing, so an offer the contract refuses
 * (revoked on chain, expired, already licensed, cancelled batch) is taken out and the rest estimated again.
 */
export async function prepareBatch(chain: Chain, candidates: Candidate[], io: CliIo): Promise<PreparedBatch> {
  let batch = [...candidates];
  const dropped: PreparedBatch['dropped'] = [];
  const drop = (c: Candidate, why: string) => {
    dropped.push({ offerId: c.purchase.offerId, why });
    io.err(`skip ${short(c.purchase.offerId)}: ${why}`);
  };
  while (batch.length > 0) {
    try {
      return { batch, gas: await estimate(chain, batch), dropped };
    } catch (e) {
      const r = revertOf(e);
      if (!r) throw new CliError(`gas estimate failed: ${(e as Error).message.split('\n')[0]}`);
      const why = refusal(r);
      const named = r.args.find((a) => typeof a === 'string' && a.length === 66);
      const culprit = batch.find((c) => c.purchase.offerId === String(named).toLowerCase());
      if (culprit) {
        drop(culprit, why);
        batch = batch.filter((c) => c !== culprit);
        continue;
      }
      // An error naming no offer (InvalidSignature, BatchCancelled): find the offers it applies to one by one.
      const kept: Candidate[] = [];
      for (const c of batch) {
        try {
          await estimate(chain, [c]);
          kept.push(c);
        } catch (one) {
          const r1 = revertOf(one);
          if (!r1) throw one;
          drop(c, refusal(r1));
        }
      }
      if (kept.length === batch.length) throw new CliError(`the contract refuses the batch (${r.name}) but no single offer in it`);
      batch = kept;
    }
  }
  return { batch, gas: 0n, dropped };
}

/** Send `purchaseMany(batch)` with the estimated gas; resolves with the transaction hash once the node has it. */
export function sendBatch(chain: Chain, batch: Candidate[], gas: bigint): Promise<Hex> {
  return chain.wallet.writeContract({
    address: chain.exchange,
    abi: exchangeAbi,
    functionName: 'purchaseMany',
    args: [batch.map(asPurchase)],
    gas: (gas * 12n) / 10n, // headroom: state may move between estimate and inclusion
    chain: null,
  });
}
