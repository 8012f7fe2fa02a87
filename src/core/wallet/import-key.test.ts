import { describe, expect, it } from 'vitest';
import { InvalidSecretError, WrongPasswordError } from './errors';
import { parseSecretImport } from './import-key';

const DEV = 'test test test test test test test test test test test junk';
const DEV_KEY_0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
// go-ethereum accounts/keystore/testdata/very-light-scrypt.json (password "").
const GETH_VERY_LIGHT =
  '{"address":"45dea0fb0bba44f4fcf290bba71fd57d7117cbb8","crypto":{"cipher":"aes-128-ctr","ciphertext":"b87781948a1befd247bff51ef4063f716cf6c2d3481163e9a8f42e1f9bb74145","cipherparams":{"iv":"dc4926b48a105133d2f16b96833abf1e"},"kdf":"scrypt","kdfparams":{"dklen":32,"n":2,"p":1,"r":8,"salt":"004244bbdc51cadda545b1cfa43cff9ed2ae88e08c61f1479dbb45410722f8f0"},"mac":"39990c1684557447940d4c69e06b1b82b2aceacb43f284df65c956daf3046b85"},"id":"ce541d8d-c79b-40f8-9f8c-20f59616faba","version":3}';

async function importError(input: string, password?: string): Promise<string> {
  const err = await parseSecretImport(input, password).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InvalidSecretError);
  return (err as Error).message;
}

describe('parseSecretImport', () => {
  it('recognises a recovery phrase and keeps it, normalised', async () => {
    expect(await parseSecretImport(`\n${DEV.toUpperCase()}\n`)).toEqual({ kind: 'mnemonic', privateKey: DEV_KEY_0, mnemonic: DEV });
  });
  it('recognises a private key with or without 0x, in any case, even split across lines', async () => {
    const expected = { kind: 'private-key', privateKey: DEV_KEY_0 };
    expect(await parseSecretImport(DEV_KEY_0)).toEqual(expected);
    expect(await parseSecretImport(DEV_KEY_0.slice(2).toUpperCase())).toEqual(expected);
    expect(await parseSecretImport(`${DEV_KEY_0.slice(0, 34)}\n${DEV_KEY_0.slice(34)}`)).toEqual(expected);
  });
  it('recognises keystore JSON and opens it with the password', async () => {
    const got = await parseSecretImport(GETH_VERY_LIGHT, '');
    expect(got.kind).toBe('keystore');
    expect(got.privateKey).toMatch(/^0x[0-9a-f]{64}$/);
  });
  it('explains what is wrong, in words a user can act on', async () => {
    expect(await importError('test test test test test test applx test test test test junk')).toBe(
      "That is not a valid recovery phrase: word 7 'applx' is not in the word list.",
    );
    expect(await importError(DEV_KEY_0.slice(0, 65))).toBe('Private key must be 64 hex digits (got 63).');
    expect(await importError(`0x${'0'.repeat(64)}`)).toBe('That private key is outside the range a wallet can use.');
    expect(await importError('hunter2')).toBe('That is not a recovery phrase, a private key or a keystore file.');
    expect(await importError('   ')).toBe('Paste a recovery phrase, a private key or a keystore file.');
    expect(await importError(GETH_VERY_LIGHT)).toBe('This is a keystore file: enter the password it was saved with.');
  });
  it('lets a wrong keystore password surface as WrongPasswordError', async () => {
    await expect(parseSecretImport(GETH_VERY_LIGHT, 'nope')).rejects.toThrow(WrongPasswordError);
  });
});
