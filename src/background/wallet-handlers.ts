import { CHAINS, type NetworkSettings } from '../ext/protocol';
import { networkItem, outboxItem } from '../ext/publish-items';
import type { Handlers } from '../ext/serve';
import { outboxStatus } from './outbox';
import { flush, scheduleFlush } from './publisher';
import * as wallet from './wallet';

type WalletHandlers = Pick<
  Handlers,
  | 'wallet.status' | 'wallet.createBegin' | 'wallet.createConfirm' | 'wallet.import' | 'wallet.unlock' | 'wallet.lock'
  | 'wallet.setAutoLock' | 'wallet.exportKeystore' | 'wallet.exportMnemonic'
  | 'network.get' | 'network.set' | 'outbox.status' | 'outbox.flush'
>;

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function checkUrl(value: unknown, what: string): string {
  try {
    const u = new URL(String(value));
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href.replace(/\/+$/, '');
  } catch {
    // fall through
  }
  throw new Error(`${what} must be an http(s) URL.`);
}

function checkNetwork(x: NetworkSettings): NetworkSettings {
  if (!x || typeof x !== 'object' || !Object.hasOwn(CHAINS, x.chain)) throw new Error('Choose a known chain.');
  if (!ADDRESS.test(String(x.exchange))) throw new Error('The exchange must be a contract address (0x and 40 hex digits).');
  const t = x.token ?? {};
  if (!ADDRESS.test(String(t.address))) throw new Error('The payment token must be a contract address (0x and 40 hex digits).');
  if (typeof t.symbol !== 'string' || !/^[A-Za-z0-9.$-]{1,11}$/.test(t.symbol)) throw new Error('The token symbol must be 1 to 11 letters or digits.');
  if (!Number.isInteger(t.decimals) || t.decimals < 0 || t.decimals > 36) throw new Error('Token decimals must be a whole number from 0 to 36.');
  return {
    chain: x.chain,
    rpcUrl: checkUrl(x.rpcUrl, 'The RPC URL'),
    registryUrl: checkUrl(x.registryUrl, 'The registry URL'),
    exchange: x.exchange,
    token: { address: t.address, symbol: t.symbol, decimals: t.decimals },
  };
}

/** After unlocking, whatever waited for the wallet goes out. */
async function unlocked<T>(status: T): Promise<T> {
  scheduleFlush(0);
  return status;
}

export const walletHandlers: WalletHandlers = {
  'wallet.status': () => wallet.walletStatus(),
  'wallet.createBegin': () => wallet.createBegin(),
  'wallet.createConfirm': async (p) => unlocked(await wallet.createConfirm(p?.answers, p?.password)),
  'wallet.import': async (p) => unlocked(await wallet.importWallet(p?.secret, p?.password, p?.secretPassword)),
  'wallet.unlock': async (p) => unlocked(await wallet.unlockWallet(p?.password)),
  'wallet.lock': async () => {
    await wallet.lockWallet();
    return wallet.walletStatus();
  },
  'wallet.setAutoLock': (p) => wallet.setAutoLock(p?.minutes),
  'wallet.exportKeystore': async (p) => ({ keystore: await wallet.exportKeystoreJson(p?.password) }),
  'wallet.exportMnemonic': async (p) => ({ mnemonic: await wallet.exportRecoveryPhrase(p?.password) }),
  'network.get': () => networkItem.get(),
  'network.set': async (p) => {
    const net = checkNetwork(p);
    await networkItem.set(net);
    return net;
  },
  'outbox.status': async () => outboxStatus(await outboxItem.get()),
  'outbox.flush': () => flush(),
};
