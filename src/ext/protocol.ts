import type { ConsentState } from '../core/consent';
import type { Platform } from '../core/platform';
import type { PostReport } from '../core/post';
import type { TermsJson } from '../core/terms/terms-json';

/** What the popup may know of the wallet: never a key, only the address. */
export interface WalletStatus {
  exists: boolean;
  unlocked: boolean;
  address: `0x${string}` | null;
  /** The vault holds a recovery phrase (created here or imported from one), so it can be exported. */
  hasMnemonic: boolean;
  /** Lock after this many idle minutes. */
  autoLockMinutes: number;
}

export const CHAINS = {
  anvil: { chainId: '31337', name: 'Local (anvil)' },
  'base-sepolia': { chainId: '84532', name: 'Base Sepolia' },
  base: { chainId: '8453', name: 'Base' },
} as const;
export type ChainName = keyof typeof CHAINS;

export interface NetworkSettings {
  chain: ChainName;
  rpcUrl: string;
  registryUrl: string;
  /** The LicenseExchange contract. */
  exchange: `0x${string}`;
  token: { address: `0x${string}`; symbol: string; decimals: number };
}

/** The publishing queue, for the popup. */
export interface OutboxStatus {
  /** Offers and withdrawals not yet accepted by the registry. */
  pending: number;
  /** Why they wait, when they do. */
  reason: string | null;
  /** Next automatic try (ISO), if one is scheduled. */
  nextAttemptAt: string | null;
}

/** A withdrawal's cost, for the form. Amounts in display units. */
export interface WithdrawEstimate {
  /** Gas × max fee, in ETH. */
  gasEth: string;
  /** The wallet's ETH, which must cover `gasEth`. */
  ethBalance: string;
  /** The token balance that can be withdrawn. */
  tokenBalance: string;
  symbol: string;
}

/** Who may send a message: a content script on the platform's own pages, or one of our extension pages. */
export type SenderKind = 'content' | 'extension-page';

/**
 * The whole message protocol: one map from name to request, response and allowed sender.
 * The background's handler object must cover every name (the compiler checks it).
 */
export interface Protocol {
  /** A content script saw one of the user's own posts and the user clicked its control. */
  'post.consent': { req: { report: PostReport; optIn: boolean }; res: { state: ConsentState }; from: 'content' };
  /** The popup changes the consent of a post already captured. */
  'post.setConsent': {
    req: { platform: Platform; postId: string; optIn: boolean };
    res: { state: ConsentState };
    from: 'extension-page';
  };
  /** The popup switches a site on or off. */
  'site.setEnabled': { req: { platform: Platform; enabled: boolean }; res: { enabled: boolean }; from: 'extension-page' };

  'wallet.status': { req: Record<string, never>; res: WalletStatus; from: 'extension-page' };
  /** A new recovery phrase, shown once; `confirm` are the 1-based word positions the user must type back. */
  'wallet.createBegin': { req: Record<string, never>; res: { mnemonic: string; confirm: number[] }; from: 'extension-page' };
  'wallet.createConfirm': { req: { answers: Record<string, string>; password: string }; res: WalletStatus; from: 'extension-page' };
  /** Import a recovery phrase, a private key or a keystore v3 JSON (`secretPassword` is the keystore's own). */
  'wallet.import': { req: { secret: string; password: string; secretPassword?: string }; res: WalletStatus; from: 'extension-page' };
  'wallet.unlock': { req: { password: string }; res: WalletStatus; from: 'extension-page' };
  'wallet.lock': { req: Record<string, never>; res: WalletStatus; from: 'extension-page' };
  'wallet.setAutoLock': { req: { minutes: number }; res: WalletStatus; from: 'extension-page' };
  /** An encrypted keystore v3 (JSON text) that other wallets import, after the password. */
  'wallet.exportKeystore': { req: { password: string }; res: { keystore: string }; from: 'extension-page' };
  'wallet.exportMnemonic': { req: { password: string }; res: { mnemonic: string }; from: 'extension-page' };

  'network.get': { req: Record<string, never>; res: NetworkSettings; from: 'extension-page' };
  'network.set': { req: NetworkSettings; res: NetworkSettings; from: 'extension-page' };

  /** Every site's default terms. */
  'terms.get': { req: Record<string, never>; res: Record<Platform, TermsJson>; from: 'extension-page' };
  /** Set a site's default terms; published offers on those terms are withdrawn and offered again. */
  'terms.setSite': { req: { platform: Platform; terms: TermsJson }; res: TermsJson; from: 'extension-page' };
  /** Set (or with null, remove) one post's own terms. */
  'terms.setPost': { req: { platform: Platform; postId: string; terms: TermsJson | null }; res: { ok: true }; from: 'extension-page' };

  'outbox.status': { req: Record<string, never>; res: OutboxStatus; from: 'extension-page' };
  /** Try to publish what waits now, instead of at the next scheduled try. */
  'outbox.flush': { req: Record<string, never>; res: OutboxStatus; from: 'extension-page' };

  /** Read new sales from the chain now (the alarm does it every minute); the ledger arrives through storage. */
  'earnings.sync': { req: Record<string, never>; res: { lastSyncAt: string | null; error: string | null }; from: 'extension-page' };
  /** The user opened the Earnings view: the sales so far are no longer new (clears the badge). */
  'earnings.seen': { req: Record<string, never>; res: { ok: true }; from: 'extension-page' };
  /** What a withdrawal would cost in gas, and what there is to withdraw. `to`/`amount` may be left out. */
  'earnings.estimateWithdraw': { req: { to?: string; amount?: string }; res: WithdrawEstimate; from: 'extension-page' };
  /** Send `amount` (display units, e.g. "2.5") of the network's token to `to`; needs the unlocked wallet. */
  'earnings.withdraw': { req: { to: string; amount: string }; res: { txHash: `0x${string}` }; from: 'extension-page' };
}

export type MessageName = keyof Protocol;
export type Req<N extends MessageName> = Protocol[N]['req'];
export type Res<N extends MessageName> = Protocol[N]['res'];

export const MESSAGE_SENDERS: { [N in MessageName]: Protocol[N]['from'] } = {
  'post.consent': 'content',
  'post.setConsent': 'extension-page',
  'site.setEnabled': 'extension-page',
  'wallet.status': 'extension-page',
  'wallet.createBegin': 'extension-page',
  'wallet.createConfirm': 'extension-page',
  'wallet.import': 'extension-page',
  'wallet.unlock': 'extension-page',
  'wallet.lock': 'extension-page',
  'wallet.setAutoLock': 'extension-page',
  'wallet.exportKeystore': 'extension-page',
  'wallet.exportMnemonic': 'extension-page',
  'network.get': 'extension-page',
  'network.set': 'extension-page',
  'terms.get': 'extension-page',
  'terms.setSite': 'extension-page',
  'terms.setPost': 'extension-page',
  'outbox.status': 'extension-page',
  'outbox.flush': 'extension-page',
  'earnings.sync': 'extension-page',
  'earnings.seen': 'extension-page',
  'earnings.estimateWithdraw': 'extension-page',
  'earnings.withdraw': 'extension-page',
};

export interface Envelope<N extends MessageName = MessageName> {
  type: N;
  payload: Req<N>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
