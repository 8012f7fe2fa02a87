import { describe, expect, it } from 'vitest';
import { InvalidSecretError, KeystoreFormatError, NoMnemonicError, WrongPasswordError } from './errors';
import { decryptKeystore } from './keystore';
import { changePassword, createVault, exportMnemonic, unlockVault, type Vault } from './vault';

const DEV = 'test test test test test test test test test test test junk';
const DEV_KEY_0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const DEV_ADDRESS_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const FAST = { n: 1024 }; // real vaults use n 2^17; the format is the same

/** What storage hands back: a JSON round trip, nothing shared with the object we wrote. */
const stored = (v: Vault): Vault => JSON.parse(JSON.stringify(v)) as Vault;

describe('vault', () => {
  it('round-trips a recovery-phrase wallet through storage', async () => {
    const vault = stored(await createVault({ mnemonic: DEV }, 'pw 1', FAST));
    expect(vault.address).toBe(DEV_ADDRESS_0);
    expect(JSON.stringify(vault)).not.toContain('test test');
    expect(await unlockVault(vault, 'pw 1')).toEqual({ privateKey: DEV_KEY_0, address: DEV_ADDRESS_0 });
    expect(await exportMnemonic(vault, 'pw 1')).toBe(DEV);
  });

  it('holds a standard keystore: exporting it is a copy', async () => {
    const vault = await createVault({ privateKey: DEV_KEY_0 }, 'pw 1', FAST);
    expect(await decryptKeystore(JSON.stringify(vault.keystore), 'pw 1')).toBe(DEV_KEY_0);
  });

  it('refuses a wrong password for unlock and for showing the phrase', async () => {
    const vault = await createVault({ mnemonic: DEV }, 'pw 1', FAST);
    await expect(unlockVault(vault, 'pw 2')).rejects.toThrow(WrongPasswordError);
    await expect(exportMnemonic(vault, 'pw 2')).rejects.toThrow('Wrong password.');
  });

  it('keeps the chosen account of a phrase', async () => {
    const vault = await createVault({ mnemonic: DEV, accountIndex: 1 }, 'pw', FAST);
    expect(vault.address).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
    expect((await unlockVault(vault, 'pw')).address).toBe(vault.address);
    expect(await exportMnemonic(vault, 'pw')).toBe(DEV);
  });

  it('has no phrase to show for a private-key wallet', async () => {
    const vault = await createVault({ privateKey: DEV_KEY_0 }, 'pw', FAST);
    await expect(exportMnemonic(vault, 'pw')).rejects.toThrow(NoMnemonicError);
  });

  it('changes the password: old one stops working, key and phrase survive, the old vault is untouched', async () => {
    const before = await createVault({ mnemonic: DEV }, 'old', FAST);
    const snapshot = JSON.stringify(before);
    const after = stored(await changePassword(before, 'old', 'new', FAST));
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(after.keystore.crypto.kdfparams.salt).not.toBe(before.keystore.crypto.kdfparams.salt);
    await expect(unlockVault(after, 'old')).rejects.toThrow(WrongPasswordError);
    expect(await unlockVault(after, 'new')).toEqual({ privateKey: DEV_KEY_0, address: DEV_ADDRESS_0 });
    expect(await exportMnemonic(after, 'new')).toBe(DEV);
    await expect(changePassword(before, 'wrong', 'new', FAST)).rejects.toThrow(WrongPasswordError);
  });

  it('refuses an empty password', async () => {
    await expect(createVault({ mnemonic: DEV }, '', FAST)).rejects.toThrow(InvalidSecretError);
    const vault = await createVault({ mnemonic: DEV }, 'pw', FAST);
    await expect(changePassword(vault, 'pw', '', FAST)).rejects.toThrow(InvalidSecretError);
  });

  it('refuses a vault whose shown address is not the key inside (edited or swapped storage)', async () => {
    const a = await createVault({ mnemonic: DEV }, 'pw', FAST);
    const b = await createVault({ mnemonic: DEV, accountIndex: 1 }, 'pw', FAST);
    const swapped = { ...a, keystore: b.keystore };
    const err = await unlockVault(swapped, 'pw').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeystoreFormatError);
    expect((err as KeystoreFormatError).field).toBe('address');
    await expect(exportMnemonic({ ...a, mnemonic: b.mnemonic }, 'pw')).rejects.toThrow(KeystoreFormatError);
  });

  it('refuses a vault from an unknown version', async () => {
    const vault = await createVault({ mnemonic: DEV }, 'pw', FAST);
    await expect(unlockVault({ ...vault, version: 2 } as unknown as Vault, 'pw')).rejects.toThrow('Invalid vault: version must be 1');
  });
});
