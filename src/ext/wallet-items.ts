import type { Hex } from 'viem';
import type { Vault } from '../core/wallet/vault';
import { browser } from './browser';
import { storageItem } from './storage-item';

/**
 * Wallet keys. Written by: the background only. The vault is encrypted (keystore v3, scrypt) and kept until the
 * user removes it; the unlocked key lives only in storage.session, which Chrome keeps in memory, clears when
 * the browser exits, and (with TRUSTED_CONTEXTS) never shows to content scripts.
 */
export const vaultItem = storageItem<Vault | null>({
  key: 'wallet-vault',
  area: 'local',
  version: 1,
  fallback: null,
  isValid: (d): d is Vault => typeof d === 'object' && d !== null && (d as Vault).version === 1 && typeof (d as Vault).address === 'string',
});

export interface WalletPrefs {
  autoLockMinutes: number;
}

export const walletPrefsItem = storageItem<WalletPrefs>({
  key: 'wallet-prefs',
  area: 'local',
  version: 1,
  fallback: { autoLockMinutes: 15 },
});

export interface UnlockedKey {
  privateKey: Hex;
  address: `0x${string}`;
  /** ms since epoch of the last use; auto-lock counts from here. */
  lastActiveAt: number;
}

/** Memory only; cleared on lock, browser exit and auto-lock. */
export const unlockedKeyItem = storageItem<UnlockedKey | null>({
  key: 'wallet-unlocked',
  area: 'session',
  version: 1,
  fallback: null,
});

/** A recovery phrase shown to the user and not yet confirmed. Memory only. */
export const pendingMnemonicItem = storageItem<{ mnemonic: string; confirm: number[] } | null>({
  key: 'wallet-pending-mnemonic',
  area: 'session',
  version: 1,
  fallback: null,
});

/** Keep storage.session away from content scripts (Chrome's default; set explicitly so a change cannot slip in). */
export async function restrictSessionStorage(): Promise<void> {
  const session = browser.storage.session as unknown as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  await session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}
