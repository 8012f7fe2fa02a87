import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { checkConfirmation, confirmationChallenge, createMnemonic, mnemonicToPrivateKey } from '../core/wallet/index';
import { parseSecretImport } from '../core/wallet/import-key';
import { createVault, exportMnemonic, unlockVault } from '../core/wallet/vault';
import type { WalletStatus } from '../ext/protocol';
import { pendingMnemonicItem, unlockedKeyItem, vaultItem, walletPrefsItem } from '../ext/wallet-items';

export const MIN_PASSWORD = 8;
export const AUTO_LOCK_CHOICES = [1, 5, 15, 60, 240] as const;

function checkNewPassword(password: unknown): string {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD)
    throw new Error(`Choose a password of at least ${MIN_PASSWORD} characters.`);
  return password;
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${what} is missing.`);
  return value;
}

export async function walletStatus(): Promise<WalletStatus> {
  const [vault, prefs, key] = await Promise.all([vaultItem.get(), walletPrefsItem.get(), activeKey()]);
  return {
    exists: vault !== null,
    unlocked: key !== null,
    address: vault?.address ?? null,
    hasMnemonic: vault?.mnemonic !== undefined,
    autoLockMinutes: prefs.autoLockMinutes,
  };
}

/** The unlocked key, or null when locked or idle past the auto-lock time (which then locks). */
async function activeKey() {
  const [key, prefs] = await Promise.all([unlockedKeyItem.get(), walletPrefsItem.get()]);
  if (!key) return null;
  if (Date.now() - key.lastActiveAt > prefs.autoLockMinutes * 60_000) {
    await lockWallet();
    return null;
  }
  return key;
}

/** The signing account, for the background's own use only; null when locked. Counts as activity. */
export async function signer(): Promise<PrivateKeyAccount | null> {
  const key = await activeKey();
  if (!key) return null;
  await unlockedKeyItem.set({ ...key, lastActiveAt: Date.now() });
  return privateKeyToAccount(key.privateKey);
}

export async function lockWallet(): Promise<void> {
  await unlockedKeyItem.set(null);
}

/** Called by the auto-lock alarm. */
export async function autoLockCheck(): Promise<void> {
  await activeKey();
}

async function unlockWith(privateKey: `0x${string}`): Promise<void> {
  await unlockedKeyItem.set({ privateKey, address: privateKeyToAccount(privateKey).address, lastActiveAt: Date.now() });
}

async function requireNoWallet(): Promise<void> {
  if (await vaultItem.get()) throw new Error('A wallet already exists in Consentry.');
}

export async function createBegin(): Promise<{ mnemonic: string; confirm: number[] }> {
  await requireNoWallet();
  const mnemonic = createMnemonic();
  const confirm = confirmationChallenge(mnemonic).positions;
  await pendingMnemonicItem.set({ mnemonic, confirm: [...confirm] });
  return { mnemonic, confirm: [...confirm] };
}

export async function createConfirm(answers: unknown, password: unknown): Promise<WalletStatus> {
  await requireNoWallet();
  const pending = await pendingMnemonicItem.get();
  if (!pending) throw new Error('Start again: the recovery phrase was not created or has expired.');
  if (typeof answers !== 'object' || answers === null) throw new Error('Type the requested words.');
  const given: Record<number, string> = {};
  for (const [k, v] of Object.entries(answers)) if (typeof v === 'string') given[Number(k)] = v;
  if (!checkConfirmation(pending.mnemonic, given).ok)
    throw new Error('Those words do not match your recovery phrase. Check what you wrote down.');
  const vault = await createVault({ mnemonic: pending.mnemonic }, checkNewPassword(password));
  await vaultItem.set(vault);
  await pendingMnemonicItem.set(null);
  await unlockWith(mnemonicToPrivateKey(pending.mnemonic));
  return walletStatus();
}

export async function importWallet(secret: unknown, password: unknown, secretPassword: unknown): Promise<WalletStatus> {
  await requireNoWallet();
  const newPassword = checkNewPassword(password);
  const imported = await parseSecretImport(requireString(secret, 'The recovery phrase, key or keystore'), typeof secretPassword === 'string' ? secretPassword : undefined);
  const vault = await createVault(imported.kind === 'mnemonic' ? { mnemonic: imported.mnemonic } : { privateKey: imported.privateKey }, newPassword);
  await vaultItem.set(vault);
  await unlockWith(imported.privateKey);
  return walletStatus();
}

async function requireVault() {
  const vault = await vaultItem.get();
  if (!vault) throw new Error('There is no wallet yet: create or import one first.');
  return vault;
}

export async function unlockWallet(password: unknown): Promise<WalletStatus> {
  const { privateKey } = await unlockVault(await requireVault(), requireString(password, 'The password'));
  await unlockWith(privateKey);
  return walletStatus();
}

export async function exportKeystoreJson(password: unknown): Promise<string> {
  const vault = await requireVault();
  await unlockVault(vault, requireString(password, 'The password')); // proves the password; the copy is already encrypted with it
  return JSON.stringify(vault.keystore, null, 2);
}

export async function exportRecoveryPhrase(password: unknown): Promise<string> {
  return exportMnemonic(await requireVault(), requireString(password, 'The password'));
}

export async function setAutoLock(minutes: unknown): Promise<WalletStatus> {
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60)
    throw new Error('Auto-lock must be between 1 minute and 24 hours.');
  await walletPrefsItem.set({ autoLockMinutes: minutes });
  return walletStatus();
}
