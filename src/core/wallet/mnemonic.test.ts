import { privateKeyToAddress } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { InvalidSecretError } from './errors';
import { createMnemonic, isValidMnemonic, mnemonicProblem, mnemonicToPrivateKey, normalizeMnemonic } from './mnemonic';
import { checkConfirmation, confirmationChallenge } from './mnemonic-confirmation';

// The Hardhat/anvil development phrase: its accounts are published in both tools' docs.
const DEV = 'test test test test test test test test test test test junk';
const DEV_KEY_0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

describe('mnemonicToPrivateKey', () => {
  it("derives m/44'/60'/0'/0/index like Hardhat, anvil and MetaMask", () => {
    expect(mnemonicToPrivateKey(DEV)).toBe(DEV_KEY_0);
    expect(privateKeyToAddress(mnemonicToPrivateKey(DEV))).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(privateKeyToAddress(mnemonicToPrivateKey(DEV, 1))).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
  });
  it('ignores case and extra whitespace in a pasted phrase', () => {
    expect(mnemonicToPrivateKey(`  TEST test\ttest test\ntest test test test test test test   Junk \n`)).toBe(DEV_KEY_0);
  });
  it('refuses an invalid phrase or index with a reason', () => {
    expect(() => mnemonicToPrivateKey('test '.repeat(12))).toThrow(InvalidSecretError);
    expect(() => mnemonicToPrivateKey(DEV, -1)).toThrow('Account index must be an integer');
  });
});

describe('mnemonic validity', () => {
  it('accepts BIP-39 reference vectors (trezor/python-mnemonic vectors.json)', () => {
    expect(isValidMnemonic('abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about')).toBe(true);
    expect(isValidMnemonic('legal winner thank year wave sausage worth useful legal winner thank yellow')).toBe(true);
    expect(isValidMnemonic(`${'zoo '.repeat(23)}vote`)).toBe(true);
  });
  it('says which word is unknown', () => {
    expect(mnemonicProblem('test test test test test test applx test test test test junk')).toBe("word 7 'applx' is not in the word list");
  });
  it('rejects a bad checksum: twelve real words in an order that was never generated', () => {
    expect(mnemonicProblem('abandon '.repeat(12))).toMatch(/checksum does not match/);
    expect(isValidMnemonic('test test test test test test test test test test junk test')).toBe(false);
  });
  it('rejects a wrong word count', () => {
    expect(mnemonicProblem('test '.repeat(11))).toBe('it has 11 words; a recovery phrase has 12, 15, 18, 21 or 24');
  });
  it('createMnemonic makes fresh valid 12-word phrases', () => {
    const a = createMnemonic();
    expect(a.split(' ')).toHaveLength(12);
    expect(isValidMnemonic(a)).toBe(true);
    expect(createMnemonic()).not.toBe(a);
  });
  it('normalizes to lower case single spaces', () => {
    expect(normalizeMnemonic(' Zoo\n\nZOO  vote ')).toBe('zoo zoo vote');
  });
});

describe('confirmation challenge', () => {
  it('picks three distinct positions, ascending, from the given randomness', () => {
    expect(confirmationChallenge(DEV, () => 0).positions).toEqual([1, 2, 3]);
    expect(confirmationChallenge(DEV, (max) => max - 1).positions).toEqual([10, 11, 12]);
  });
  it('with real randomness stays within the phrase and never repeats a position', () => {
    for (let i = 0; i < 200; i++) {
      const { positions } = confirmationChallenge(DEV);
      expect(new Set(positions).size).toBe(3);
      expect(positions.every((p) => p >= 1 && p <= 12)).toBe(true);
    }
  });
  it('accepts the right words in any case, marks wrong ones, and never passes an incomplete form', () => {
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    expect(checkConfirmation(phrase, { 2: 'winner', 5: ' Wave ', 12: 'yellow' })).toEqual({ ok: true, wrong: [] });
    expect(checkConfirmation(phrase, { 2: 'winner', 5: 'wave', 12: 'yell' })).toEqual({ ok: false, wrong: [12] });
    expect(checkConfirmation(phrase, { 2: 'winner', 5: 'wave' })).toEqual({ ok: false, wrong: [] });
    expect(checkConfirmation(phrase, { 2: 'winner', 5: 'wave', 13: 'yellow' }).wrong).toEqual([13]);
    expect(checkConfirmation(phrase, {}).ok).toBe(false);
  });
});
