// Only what the licensor signed can be bought: signatures, proofs, licensor binding, chain and contract replay.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { concat, type Hex } from 'viem';
import * as ERC1271Wallet from '../../src/chain/generated/ERC1271Wallet';
import { deployExchange } from '../../src/chain/deploy';
import { CHAIN_TIMEOUTS, chainWithDomain, revertName, type Fixture } from './fixture';
import { makeLeaf, purchaseArgs, signBatch, type Domain, type SignedOffer } from './offers';

vi.setConfig(CHAIN_TIMEOUTS);

let fx: Fixture;
let domain: Domain;
beforeAll(async () => ({ fx, domain } = await chainWithDomain()));
afterAll(() => fx?.stop());

async function setup() {
  const licensor = await fx.newAccount();
  const buyer = await fx.newAccount();
  await fx.fund(buyer, 100_000_000n);
  const now = await fx.now();
  const leaf = (o: Parameters<typeof makeLeaf>[4] = {}) => makeLeaf(licensor.address, fx.stablecoin, fx.chainIdBig, now, o);
  const buy = (o: SignedOffer) => fx.exchangeAs(buyer).write.purchase(purchaseArgs(o));
  return { licensor, buyer, leaf, buy };
}

describe('batch signature', () => {
  it('refuses malformed and tampered signatures', async () => {
    const { licensor, leaf, buy } = await setup();
    const [offer] = await signBatch(licensor, domain, [leaf()]);
    const garbage = `0x${'ab'.repeat(65)}` as Hex;
    expect(await revertName(buy({ ...offer!, signature: garbage }))).toBe('InvalidSignature');
    expect(await revertName(buy({ ...offer!, signature: '0x1234' }))).toBe('InvalidSignature');
    expect(await revertName(buy({ ...offer!, signature: '0x' }))).toBe('InvalidSignature');
    // The right signature over a batch claiming a different size or date is not the licensor's.
    expect(await revertName(buy({ ...offer!, batch: { ...offer!.batch, count: 2n } }))).toBe('InvalidSignature');
    expect(await revertName(buy({ ...offer!, batch: { ...offer!.batch, issuedAt: 1n } }))).toBe('InvalidSignature');
  });

  it('refuses a batch signed by someone other than its licensor', async () => {
    const { licensor, leaf, buy } = await setup();
    const impostor = await fx.newAccount();
    const [offer] = await signBatch(impostor, domain, [leaf()], { licensor: licensor.address });
    expect(await revertName(buy(offer!))).toBe('InvalidSignature');
  });

  it('refuses a leaf naming another licensor than the batch, even in a batch validly signed', async () => {
    const { licensor, leaf, buy } = await setup();
    const thief = await fx.newAccount();
    // The thief signs their own batch of the victim's post, hoping buyers will pay the victim-named leaf to them.
    const [offer] = await signBatch(thief, domain, [leaf()], { licensor: thief.address });
    expect(offer!.leaf.licensor).toBe(licensor.address);
    expect(await revertName(buy(offer!))).toBe('LicensorMismatch');
  });
});

describe('Merkle proof', () => {
  it('refuses a proof of another leaf, an empty proof, and a leaf that is not in the tree', async () => {
    const { licensor, leaf, buy } = await setup();
    const [a, b] = await signBatch(licensor, domain, [leaf(), leaf(), leaf()]);
    expect(await revertName(buy({ ...a!, proof: b!.proof }))).toBe('InvalidProof');
    expect(await revertName(buy({ ...a!, proof: [] }))).toBe('InvalidProof');
    expect(await revertName(buy({ ...a!, leaf: leaf() }))).toBe('InvalidProof');
    // The signed leaf with its price lowered by the buyer.
    expect(await revertName(buy({ ...a!, leaf: { ...a!.leaf, price: 1n } }))).toBe('InvalidProof');
    await fx.mined(buy(a!)); // untouched, it sells
  });
});

describe('replay', () => {
  it('refuses a leaf made for another chain', async () => {
    const { licensor, leaf, buy } = await setup();
    const [offer] = await signBatch(licensor, domain, [leaf({ chainId: 8453n })]);
    expect(await revertName(buy(offer!))).toBe('WrongChain');
  });

  it('refuses a batch signed for another exchange contract or another chain', async () => {
    const { licensor, leaf, buy } = await setup();
    const other = await deployExchange({ rpcUrl: fx.rpcUrl, deployerKey: fx.deployerKey });
    const [forOther] = await signBatch(licensor, { ...domain, verifyingContract: other.address }, [leaf()]);
    expect(await revertName(buy(forOther!))).toBe('InvalidSignature');
    const [forMainnet] = await signBatch(licensor, { ...domain, chainId: 1n }, [leaf()]);
    expect(await revertName(buy(forMainnet!))).toBe('InvalidSignature');
  });
});

describe('ERC-1271 smart-contract wallet as licensor', () => {
  async function walletSetup() {
    const owner = await fx.newAccount();
    const wallet = await fx.deploy(ERC1271Wallet, [owner.address]);
    const buyer = await fx.newAccount();
    await fx.fund(buyer, 10_000_000n);
    const leaf = makeLeaf(wallet, fx.stablecoin, fx.chainIdBig, await fx.now());
    return { owner, wallet, buyer, leaf };
  }

  it('sells when the wallet accepts its owner’s signature, and pays the wallet', async () => {
    const { owner, wallet, buyer, leaf } = await walletSetup();
    const [offer] = await signBatch(owner, domain, [leaf], { licensor: wallet });
    await fx.mined(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offer!)));
    expect(await fx.balanceOf(wallet)).toBe(2_500_000n);
  });

  it('refuses a signature the wallet rejects', async () => {
    const { owner, wallet, buyer, leaf } = await walletSetup();
    const stranger = await fx.newAccount();
    const [bystranger] = await signBatch(stranger, domain, [leaf], { licensor: wallet });
    expect(await revertName(fx.exchangeAs(buyer).write.purchase(purchaseArgs(bystranger!)))).toBe('InvalidSignature');
    // The owner's own signature with a byte appended: the wallet refuses anything but a clean 65-byte ECDSA.
    const [byOwner] = await signBatch(owner, domain, [leaf], { licensor: wallet });
    const padded = { ...byOwner!, signature: concat([byOwner!.signature, '0x00']) };
    expect(await revertName(fx.exchangeAs(buyer).write.purchase(purchaseArgs(padded)))).toBe('InvalidSignature');
    await fx.mined(fx.exchangeAs(buyer).write.purchase(purchaseArgs(byOwner!))); // the clean one sells
  });

  it('refuses a contract licensor that does not implement ERC-1271', async () => {
    const buyer = await fx.newAccount();
    await fx.fund(buyer, 10_000_000n);
    const signer = await fx.newAccount();
    const leaf = makeLeaf(fx.stablecoin, fx.stablecoin, fx.chainIdBig, await fx.now());
    const [offer] = await signBatch(signer, domain, [leaf]);
    expect(await revertName(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offer!)))).toBe('InvalidSignature');
  });
});
