import {
  concat,
  encodeAbiParameters,
  isAddressEqual,
  keccak256,
  recoverAddress,
  recoverTypedDataAddress,
  stringToHex,
  type Address,
  type Hex,
} from 'viem';
import { assertSignatureForm } from './signature';
import { EIP712_NAME, EIP712_TYPES, EIP712_VERSION, type OfferBatch, type OfferDomain, type Revocation } from './types';

/** The EIP-712 domain in viem's shape. */
export interface OfferTypedDataDomain {
  name: typeof EIP712_NAME;
  version: typeof EIP712_VERSION;
  chainId: bigint;
  verifyingContract: Address;
}

/** An OfferBatch ready for viem's `signTypedData` / `hashTypedData`. */
export interface OfferBatchTypedData {
  domain: OfferTypedDataDomain;
  types: typeof EIP712_TYPES;
  primaryType: 'OfferBatch';
  message: OfferBatch;
}

/** A Revocation ready for viem's `signTypedData` / `hashTypedData`. */
export interface RevocationTypedData {
  domain: OfferTypedDataDomain;
  types: typeof EIP712_TYPES;
  primaryType: 'Revocation';
  message: Revocation;
}

/** Anything that signs typed data: a viem LocalAccount fits. */
export interface OfferSigner {
  /** When present, checked against the licensor before the signer is asked. */
  readonly address?: Address;
  signTypedData(parameters: OfferBatchTypedData | RevocationTypedData): Promise<Hex>;
}

const BYTES32 = /^0x[0-9a-fA-F]{64}$/;
const text = (s: string) => keccak256(stringToHex(s));
const DOMAIN_TYPEHASH = text('EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)');
const NAME_HASH = text(EIP712_NAME);
const VERSION_HASH = text(EIP712_VERSION);

/** EIP-712 typeHash; no struct here refers to another, so encodeType is just the member list. */
function typeHash(name: keyof typeof EIP712_TYPES): Hex {
  return text(`${name}(${EIP712_TYPES[name].map((m) => `${m.type} ${m.name}`).join(',')})`);
}
const OFFER_BATCH_TYPEHASH = typeHash('OfferBatch');
const REVOCATION_TYPEHASH = typeHash('Revocation');

/** The domain every Consentry signature is bound to: name, version, chain and LicenseExchange contract. */
export function offerDomain(d: OfferDomain): OfferTypedDataDomain {
  return { name: EIP712_NAME, version: EIP712_VERSION, chainId: d.chainId, verifyingContract: d.verifyingContract };
}

function domainSeparator(d: OfferDomain): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: 'bytes32' }, { type: 'bytes32' }, { type: 'bytes32' }, { type: 'uint256' }, { type: 'address' }],
      [DOMAIN_TYPEHASH, NAME_HASH, VERSION_HASH, d.chainId, d.verifyingContract],
    ),
  );
}

function digest(d: OfferDomain, structHash: Hex): Hex {
  return keccak256(concat(['0x1901', domainSeparator(d), structHash]));
}

/**
 * The EIP-712 digest of a batch, computed step by step as the contract does (no typed-data library), so a
 * mismatch between the two shows up in tests here rather than as unsettleable offers.
 * Throws if a field does not fit its Solidity type.
 */
export function hashOfferBatch(domain: OfferDomain, batch: OfferBatch): Hex {
  // viem checks a bytes32's length but not its digits.
  if (!BYTES32.test(batch.root)) throw new Error(`batch: root ${batch.root} is not 32 bytes of hex`);
  const structHash = keccak256(
    encodeAbiParameters(
      [{ type: 'bytes32' }, { type: 'address' }, { type: 'bytes32' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'uint64' }],
      [OFFER_BATCH_TYPEHASH, batch.licensor, batch.root, batch.count, batch.counter, batch.issuedAt],
    ),
  );
  return digest(domain, structHash);
}

/** A batch's idempotent id: its EIP-712 digest, the same for every resubmission of one signed batch. */
export function batchId(domain: OfferDomain, batch: OfferBatch): Hex {
  return hashOfferBatch(domain, batch);
}

/** The EIP-712 digest of a revocation, by hand as the contract computes it. Throws on a malformed field. */
export function hashRevocation(domain: OfferDomain, rev: Revocation): Hex {
  for (const id of rev.offerIds) if (!BYTES32.test(id)) throw new Error(`revocation: offer id ${id} is not 32 bytes`);
  // EIP-712 encodes an array as the hash of its concatenated elements.
  const idsHash = keccak256(concat(rev.offerIds));
  const structHash = keccak256(
    encodeAbiParameters(
      [{ type: 'bytes32' }, { type: 'address' }, { type: 'bytes32' }, { type: 'uint64' }],
      [REVOCATION_TYPEHASH, rev.licensor, idsHash, rev.issuedAt],
    ),
  );
  return digest(domain, structHash);
}

/** The batch as viem typed data. @example account.signTypedData(offerBatchTypedData(domain, batch)) */
export function offerBatchTypedData(domain: OfferDomain, batch: OfferBatch): OfferBatchTypedData {
  // Field by field, so nothing but the signed fields reaches the wallet's display.
  const { licensor, root, count, counter, issuedAt } = batch;
  const message = { licensor, root, count, counter, issuedAt };
  return { domain: offerDomain(domain), types: EIP712_TYPES, primaryType: 'OfferBatch', message };
}

/** The revocation as viem typed data. */
export function revocationTypedData(domain: OfferDomain, rev: Revocation): RevocationTypedData {
  const message = { licensor: rev.licensor, offerIds: [...rev.offerIds], issuedAt: rev.issuedAt };
  return { domain: offerDomain(domain), types: EIP712_TYPES, primaryType: 'Revocation', message };
}

/** Sign, then refuse to hand back a signature that is not the licensor's in the form the contract accepts. */
async function signAs(account: OfferSigner, licensor: Address, hash: Hex, typedData: OfferBatchTypedData | RevocationTypedData) {
  if (account.address && !isAddressEqual(account.address, licensor))
    throw new Error(`sign: account ${account.address} is not the licensor ${licensor}`);
  const signature = await account.signTypedData(typedData);
  assertSignatureForm(signature);
  const signer = await recoverAddress({ hash, signature });
  if (!isAddressEqual(signer, licensor)) throw new Error(`sign: signature is by ${signer}, not the licensor ${licensor}`);
  return signature;
}

/**
 * Sign one batch: one wallet signature covers every offer under its root.
 * @example const signature = await signOfferBatch(privateKeyToAccount(key), domain, batch)
 */
export async function signOfferBatch(account: OfferSigner, domain: OfferDomain, batch: OfferBatch): Promise<Hex> {
  return signAs(account, batch.licensor, hashOfferBatch(domain, batch), offerBatchTypedData(domain, batch));
}

/** Sign a revocation of some of the licensor's offers. */
export async function signRevocation(account: OfferSigner, domain: OfferDomain, rev: Revocation): Promise<Hex> {
  return signAs(account, rev.licensor, hashRevocation(domain, rev), revocationTypedData(domain, rev));
}

/** The address that signed the batch. Throws on a signature form the contract would refuse. */
export async function recoverBatchSigner(domain: OfferDomain, batch: OfferBatch, signature: Hex): Promise<Address> {
  assertSignatureForm(signature);
  return recoverTypedDataAddress({ ...offerBatchTypedData(domain, batch), signature });
}

/** The address that signed the revocation. Throws on a signature form the contract would refuse. */
export async function recoverRevocationSigner(domain: OfferDomain, rev: Revocation, signature: Hex): Promise<Address> {
  assertSignatureForm(signature);
  return recoverTypedDataAddress({ ...revocationTypedData(domain, rev), signature });
}
