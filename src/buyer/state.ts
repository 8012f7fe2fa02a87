import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Address, Hex } from 'viem';
import type { OfferLeafJson } from '../core/offer/types';
import { CliError } from './io';
import type { TermsView } from './registry-client';

/**
 * One offer this buyer has paid for or is paying for. 'sent': in a transaction not yet known to be mined;
 * 'done': the chain says the buyer holds the licence.
 */
export interface StateOffer {
  status: 'sent' | 'done';
  /** The purchase transaction; absent when the licence was found on chain without our record of buying it. */
  txHash?: Hex;
  /** What export needs, kept so the dataset can be written without the registry. */
  offer: OfferLeafJson;
  terms: TermsView;
  text: string | null;
  /** Media URLs of the post as published with the offer; null when the registry served no content. */
  media?: string[] | null;
}

/** The buyer's ledger: which offers were bought in which transaction, on which chain and exchange. */
export interface BuyerState {
  version: 1;
  chainId: number;
  exchange: Address;
  buyer: Address;
  offers: Record<Hex, StateOffer>;
  /** Every purchase transaction, in the order sent. */
  batches: { txHash: Hex; offerIds: Hex[]; sentAt: string }[];
}

/** The state at `path`, or a new one; refuses a file kept for another chain, exchange or buyer. */
export async function loadState(path: string, who: Pick<BuyerState, 'chainId' | 'exchange' | 'buyer'>): Promise<BuyerState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, ...who, offers: {}, batches: [] };
    throw e;
  }
  const state = JSON.parse(text) as BuyerState;
  if (state.version !== 1) throw new CliError(`${path}: unknown state version ${String(state.version)}`);
  for (const k of ['chainId', 'exchange', 'buyer'] as const)
    if (String(state[k]).toLowerCase() !== String(who[k]).toLowerCase())
      throw new CliError(`${path} records purchases for ${k} ${state[k]}, not ${who[k]}: use another --state file`);
  return state;
}

/** Read the state for export, whoever it belongs to. */
export async function readState(path: string): Promise<BuyerState> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as BuyerState;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`${path}: no purchases recorded yet (run buy first, or give --state)`);
    throw e;
  }
}

/**
 * Write the state so that a crash leaves either the old file or the new one, never half of one: the ledger is
 * what stops a resumed run from paying twice.
 */
export async function saveState(path: string, state: BuyerState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(tmp, path);
}
