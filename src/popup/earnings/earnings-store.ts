import { create } from 'zustand';
import { browser } from '../../ext/browser';
import { EARNINGS_LIVE_PORT, earningsItem, emptyMeta, type EarningsMeta } from '../../ext/earnings-items';
import { send } from '../../ext/messages';
import type { WithdrawEstimate } from '../../ext/protocol';
import { clearError, idleStatus, runAction, type ActionStatus } from '../async-action';

export type EarningsAction = 'sync' | 'estimate' | 'withdraw';

interface EarningsState extends ActionStatus<EarningsAction> {
  /** Mirror of the stored sync state and summary (not the sales themselves); the background writes it. */
  data: EarningsMeta;
  loaded: boolean;
  estimate: WithdrawEstimate | null;
  lastTx: string | null;
  /**
   * Read storage, watch it, and tell the background the view is open (clears the badge, starts a sync); while
   * it stays open the background syncs at every block (a port held open, see `followChain`).
   */
  open(): () => void;
  sync(): Promise<void>;
  estimateWithdraw(to?: string, amount?: string): Promise<void>;
  withdraw(to: string, amount: string): Promise<boolean>;
  clearError(action: EarningsAction): void;
}

export const useEarnings = create<EarningsState>()((set) => ({
  ...idleStatus<EarningsAction>(),
  data: emptyMeta(),
  loaded: false,
  estimate: null,
  lastTx: null,
  open() {
    const unwatch = earningsItem.watch((data) => set({ data }));
    void earningsItem.get().then((data) => set({ data, loaded: true }));
    const unfollow = followChain();
    // Seen after the sync: sales it finds are on screen now, so they are not "new" next time.
    void runAction(set, 'sync', () => send('earnings.sync', {}))
      .then(() => send('earnings.seen', {}))
      .catch(() => undefined);
    return () => {
      unwatch();
      unfollow();
    };
  },
  async sync() {
    await runAction(set, 'sync', () => send('earnings.sync', {}));
    await send('earnings.seen', {}).catch(() => undefined);
  },
  async estimateWithdraw(to, amount) {
    const r = await runAction(set, 'estimate', () => send('earnings.estimateWithdraw', { ...(to ? { to } : {}), ...(amount ? { amount } : {}) }));
    if (r.ok) set({ estimate: r.value });
  },
  async withdraw(to, amount) {
    set({ lastTx: null });
    const r = await runAction(set, 'withdraw', () => send('earnings.withdraw', { to, amount }));
    if (r.ok) set({ lastTx: r.value.txHash });
    return r.ok;
  },
  clearError: (action) => clearError(set, action),
}));

/** Keeps the worker alive while the port is open: each message it receives restarts Chrome's idle timer. */
const PING_MS = 10_000;

/**
 * Hold the live-sync port open until the returned function is called. If the worker stops (Chrome, or a crash)
 * the port drops: connect again, which starts a new worker that picks up from storage.
 */
function followChain(): () => void {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const connect = () => {
    if (closed) return;
    port = browser.runtime.connect({ name: EARNINGS_LIVE_PORT });
    port.onDisconnect.addListener(() => {
      port = null;
      retry = setTimeout(connect, 500);
    });
  };
  connect();
  const ping = setInterval(() => {
    try {
      port?.postMessage('ping');
    } catch {
      // A port to a worker that stopped without telling us: connect again.
      port = null;
      clearTimeout(retry);
      connect();
    }
  }, PING_MS);
  return () => {
    closed = true;
    clearInterval(ping);
    clearTimeout(retry);
    port?.disconnect();
  };
}
