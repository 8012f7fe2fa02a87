import { create } from 'zustand';
import { earningsItem, emptyEarnings, type EarningsStore } from '../../ext/earnings-items';
import { send } from '../../ext/messages';
import type { WithdrawEstimate } from '../../ext/protocol';
import { clearError, idleStatus, runAction, type ActionStatus } from '../async-action';

export type EarningsAction = 'sync' | 'estimate' | 'withdraw';

interface EarningsState extends ActionStatus<EarningsAction> {
  /** Mirror of the stored ledger; the background writes it. */
  data: EarningsStore;
  loaded: boolean;
  estimate: WithdrawEstimate | null;
  lastTx: string | null;
  /** Read storage, watch it, and tell the background the view is open (clears the badge, starts a sync). */
  open(): () => void;
  sync(): Promise<void>;
  estimateWithdraw(to?: string, amount?: string): Promise<void>;
  withdraw(to: string, amount: string): Promise<boolean>;
  clearError(action: EarningsAction): void;
}

export const useEarnings = create<EarningsState>()((set) => ({
  ...idleStatus<EarningsAction>(),
  data: emptyEarnings(),
  loaded: false,
  estimate: null,
  lastTx: null,
  open() {
    const unwatch = earningsItem.watch((data) => set({ data }));
    void earningsItem.get().then((data) => set({ data, loaded: true }));
    // Seen after the sync: sales it finds are on screen now, so they are not "new" next time.
    void runAction(set, 'sync', () => send('earnings.sync', {}))
      .then(() => send('earnings.seen', {}))
      .catch(() => undefined);
    return unwatch;
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
