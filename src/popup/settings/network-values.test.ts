import { describe, expect, it } from 'vitest';
import { formFromNetwork, LOCAL_DEFAULTS, networkFromForm, type NetworkResult } from './network-values';

const form = formFromNetwork(LOCAL_DEFAULTS);
const errors = (r: NetworkResult) => (r.ok ? {} : r.errors);

describe('network settings form', () => {
  it('accepts the local defaults as they are', () => {
    expect(networkFromForm(form)).toEqual({ ok: true, value: LOCAL_DEFAULTS });
  });

  it('checksums lower-case addresses and drops a trailing slash from the registry URL', () => {
    const r = networkFromForm({ ...form, exchange: LOCAL_DEFAULTS.exchange.toLowerCase(), registryUrl: ' http://127.0.0.1:8787/ ' });
    expect(r.ok && [r.value.exchange, r.value.registryUrl]).toEqual([LOCAL_DEFAULTS.exchange, 'http://127.0.0.1:8787']);
  });

  it('names each field that is wrong', () => {
    expect(
      errors(networkFromForm({ ...form, rpcUrl: 'ws://127.0.0.1:8545', exchange: '0x1234', tokenSymbol: ' ', tokenDecimals: '6.5' })),
    ).toEqual({
      rpcUrl: 'This must be a web address starting with http:// or https://.',
      exchange: 'Enter a contract address: 0x followed by 40 hexadecimal characters.',
      tokenSymbol: 'Enter the token symbol, e.g. USDC.',
      tokenDecimals: 'Enter a whole number from 0 to 255 (USDC has 6).',
    });
  });

  it('catches a mistyped character in a checksummed address', () => {
    const typo = LOCAL_DEFAULTS.token.address.replace('5FbDB', '5FbDC');
    expect(errors(networkFromForm({ ...form, tokenAddress: typo }))).toEqual({
      tokenAddress: 'This address has a typo: its capital letters do not match its checksum.',
    });
  });
});
