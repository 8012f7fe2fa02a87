import { create } from 'zustand';
import { send } from '../../ext/messages';
import type { WalletStatus } from '../../ext/protocol';
import { clearError, idleStatus, runAction, type ActionStatus } from '../async-action';

export type WalletAction =
  | 'status'
  | 'createBegin'
  | 'createConfirm'
  | 'import'
  | 'unlock'
  | 'lock'
  | 'autoLock'
  | 'exportKeystore'
  | 'exportMnemonic';

export interface NewPhrase {
  mnemonic: string;
  /** 1-based positions of the words to ask back. */
  confirm: number[];
}

interface WalletState extends ActionStatus<WalletAction> {
  /** Null until the background has answered once. */
  status: WalletStatus | null;
  refresh(): Promise<void>;
  /** The new phrase goes back to the caller only: a secret never sits in the shared store. */
  createBegin(): Promise<NewPhrase | null>;
  createConfirm(answers: Record<string, string>, password: string): Promise<boolean>;
  importWallet(secret: string, password: string, secretPassword?: string): Promise<boolean>;
  unlock(password: string): Promise<boolean>;
  lock(): Promise<void>;
  setAutoLock(minutes: number): Promise<void>;
  exportKeystore(password: string): Promise<string | null>;
  exportMnemonic(password: string): Promise<string | null>;
  clearError(action: WalletAction): void;
}

/** The wallet as the popup may know it: status and the address, never a key. */
export const useWallet = create<WalletState>()((set) => {
  /** Runs an action whose answer is the new status. */
  const statusAction = async (action: WalletAction, fn: () => Promise<WalletStatus>) => {
    const r = await runAction(set, action, fn);
    if (r.ok) set({ status: r.value });
    return r.ok;
  };
  return {
    ...idleStatus<WalletAction>(),
    status: null,
    async refresh() {
      await statusAction('status', () => send('wallet.status', {}));
    },
    async createBegin() {
      const r = await runAction(set, 'createBegin', () => send('wallet.createBegin', {}));
      return r.ok ? r.value : null;
    },
    createConfirm: (answers, password) => statusAction('createConfirm', () => send('wallet.createConfirm', { answers, password })),
    importWallet: (secret, password, secretPassword) =>
      statusAction('import', () => send('wallet.import', secretPassword === undefined ? { secret, password } : { secret, password, secretPassword })),
    unlock: (password) => statusAction('unlock', () => send('wallet.unlock', { password })),
    async lock() {
      await statusAction('lock', () => send('wallet.lock', {}));
    },
    async setAutoLock(minutes) {
      await statusAction('autoLock', () => send('wallet.setAutoLock', { minutes }));
    },
    async exportKeystore(password) {
      const r = await runAction(set, 'exportKeystore', () => send('wallet.exportKeystore', { password }));
      return r.ok ? r.value.keystore : null;
    },
    async exportMnemonic(password) {
      const r = await runAction(set, 'exportMnemonic', () => send('wallet.exportMnemonic', { password }));
      return r.ok ? r.value.mnemonic : null;
    },
    clearError: (action) => clearError(set, action),
  };
});
