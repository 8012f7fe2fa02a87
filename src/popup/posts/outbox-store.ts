import { create } from 'zustand';
import { send } from '../../ext/messages';
import type { OutboxStatus } from '../../ext/protocol';
import { clearError, idleStatus, runAction, type ActionStatus } from '../async-action';

export type OutboxAction = 'load' | 'flush';

interface OutboxState extends ActionStatus<OutboxAction> {
  /** Null until read. */
  status: OutboxStatus | null;
  refresh(): Promise<void>;
  /** Publish what waits now rather than at the next scheduled try. */
  flush(): Promise<void>;
  clearError(action: OutboxAction): void;
}

export const useOutbox = create<OutboxState>()((set, get) => ({
  ...idleStatus<OutboxAction>(),
  status: null,
  async refresh() {
    if (get().pending.load) return;
    const r = await runAction(set, 'load', () => send('outbox.status', {}));
    if (r.ok) set({ status: r.value });
  },
  async flush() {
    const r = await runAction(set, 'flush', () => send('outbox.flush', {}));
    if (r.ok) set({ status: r.value });
  },
  clearError: (action) => clearError(set, action),
}));
