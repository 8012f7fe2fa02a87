import { create } from 'zustand';
import { send } from '../../ext/messages';
import { networkItem } from '../../ext/publish-items';
import type { NetworkSettings } from '../../ext/protocol';
import { clearError, idleStatus, runAction, type ActionStatus } from '../async-action';

export type NetworkAction = 'load' | 'save';

interface NetworkState extends ActionStatus<NetworkAction> {
  /** Null until read. The posts list needs only `registryUrl` (offer links); Settings edits it all. */
  settings: NetworkSettings | null;
  /** Read once; `force` reads again. */
  load(force?: boolean): Promise<void>;
  save(settings: NetworkSettings): Promise<boolean>;
  clearError(action: NetworkAction): void;
}

export const useNetwork = create<NetworkState>()((set, get) => ({
  ...idleStatus<NetworkAction>(),
  settings: null,
  async load(force = false) {
    if ((get().settings && !force) || get().pending.load) return;
    // Read from storage directly: a message would wait for (and maybe wake) the worker, busy syncing as a view opens.
    // Writes still go through the worker, which checks them.
    const r = await runAction(set, 'load', () => networkItem.get());
    if (r.ok) set({ settings: r.value });
  },
  async save(settings) {
    const r = await runAction(set, 'save', () => send('network.set', settings));
    if (r.ok) set({ settings: r.value });
    return r.ok;
  },
  clearError: (action) => clearError(set, action),
}));
