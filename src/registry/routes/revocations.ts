import { isAddressEqual, type Address } from 'viem';
import { hashRevocation, recoverRevocationSigner } from '../../core/offer/eip712';
import { HttpError, readJson, type Reply } from '../http';
import { storeRevocation } from '../queries/revocations';
import { readRevocationBody } from '../revocation-body';
import type { Handler } from './route';

/**
 * `POST /v1/revocations`: the licensor's signed withdrawal of some of their offers. The offers stop being served
 * at once; the signed revocation is kept to be relayed on chain. 201 new, 200 for a replay (which changes nothing).
 */
export const postRevocation: Handler = async (ctx, { req }): Promise<Reply> => {
  const body = readRevocationBody(await readJson(req, ctx.config.maxBodyBytes), ctx.config);
  if (!body.ok) throw new HttpError(400, body.error);
  const { domain, revocation, signature } = body.value;
  let signer: Address;
  try {
    signer = await recoverRevocationSigner(domain, revocation, signature);
  } catch (e) {
    throw new HttpError(400, `signature: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isAddressEqual(signer, revocation.licensor))
    throw new HttpError(403, `signature: signed by ${signer}, not by the revocation's licensor ${revocation.licensor}`);
  const revocationId = hashRevocation(domain, revocation);
  const result = await storeRevocation(ctx.db, { revocationId, ...body.value });
  switch (result.kind) {
    case 'stored':
      return { status: 201, body: { revocationId, revoked: result.revoked } };
    case 'duplicate':
      return { status: 200, body: { revocationId, revoked: 0, duplicate: true } };
    case 'unknown':
      throw new HttpError(404, `revocation.offerIds[${result.index}]: offer ${result.offerId} is not in this registry`);
    case 'foreign':
      throw new HttpError(
        403,
        `revocation.offerIds[${result.index}]: offer ${result.offerId} belongs to ${result.licensor}, not to ${revocation.licensor}`,
      );
  }
};
