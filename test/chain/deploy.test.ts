// The local chain and the deploy helpers as a developer meets them: start, deploy, stop.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPublicClient, http, parseEther } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { startAnvil, type StartAnvilReturnType } from '../../src/chain/anvil';
import { deployExchange, deployLocalStack } from '../../src/chain/deploy';
import { abi as exchangeAbi } from '../../src/chain/generated/LicenseExchange';
import { abi as stablecoinAbi } from '../../src/chain/generated/TestStablecoin';
import { CHAIN_TIMEOUTS } from './fixture';

vi.setConfig(CHAIN_TIMEOUTS);

let anvil: StartAnvilReturnType;
beforeAll(async () => {
  anvil = await startAnvil();
});
afterAll(async () => {
  await anvil?.stop();
});

async function fundedKey(rpcUrl: string) {
  const key = generatePrivateKey();
  await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_setBalance', params: [privateKeyToAccount(key).address, `0x${parseEther('10').toString(16)}`] }),
  });
  return key;
}

describe('startAnvil', () => {
  it('picks a free port per chain, answers on it, and stops', async () => {
    const second = await startAnvil({ chainId: 1337 });
    expect(second.port).not.toBe(anvil.port);
    expect(anvil.chainId).toBe(31337);
    expect(second.chainId).toBe(1337);
    await second.stop();
    await expect(fetch(second.rpcUrl, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});

describe('deployLocalStack', () => {
  it('deploys a 6-decimal stablecoin and an exchange owned by the deployer with no fee', async () => {
    const deployerKey = await fundedKey(anvil.rpcUrl);
    const stack = await deployLocalStack({ rpcUrl: anvil.rpcUrl, deployerKey });
    const client = createPublicClient({ transport: http(anvil.rpcUrl) });
    expect(stack.chainId).toBe(31337);
    expect(await client.readContract({ address: stack.stablecoin, abi: stablecoinAbi, functionName: 'decimals' })).toBe(6);
    expect(await client.readContract({ address: stack.exchange, abi: exchangeAbi, functionName: 'owner' })).toBe(privateKeyToAccount(deployerKey).address);
    expect(await client.readContract({ address: stack.exchange, abi: exchangeAbi, functionName: 'feeBps' })).toBe(0);
  });

  it('refuses a chain that is not a local node, since anyone could mint its stablecoin', async () => {
    const base = await startAnvil({ chainId: 8453 });
    try {
      const deployerKey = await fundedKey(base.rpcUrl);
      await expect(deployLocalStack({ rpcUrl: base.rpcUrl, deployerKey })).rejects.toThrow(/not a local node/);
      // deployExchange is for any chain, with an owner of the caller's choosing.
      const owner = privateKeyToAccount(generatePrivateKey()).address;
      const { address, chainId } = await deployExchange({ rpcUrl: base.rpcUrl, deployerKey, owner });
      const client = createPublicClient({ transport: http(base.rpcUrl) });
      expect(chainId).toBe(8453);
      expect(await client.readContract({ address, abi: exchangeAbi, functionName: 'owner' })).toBe(owner);
    } finally {
      await base.stop();
    }
  });
});
