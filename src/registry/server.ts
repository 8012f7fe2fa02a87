import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkBatch, type CheckBatch } from './batch-check';
import { createTermsCache } from './terms-cache';
import { DEFAULT_CONFIG, type RegistryConfig } from './config';
import type { RegistryContext } from './context';
import type { Db } from './db/db';
import { CORS_HEADERS, HttpError, send } from './http';
import { createMaintenance } from './maintenance';
import { startChainLink } from './chain/link';
import { migrate } from './migrate';
import { postBatch } from './routes/batches';
import { health } from './routes/health';
import { getOffer, getOffers } from './routes/offers';
import { postRevocation } from './routes/revocations';
import type { Handler } from './routes/route';
import { getLicensorRsl, getOfferRsl } from './routes/rsl';

export interface CreateRegistryParameters {
  db: Db;
  /** Missing fields take `DEFAULT_CONFIG`'s values; `port: 0` picks a free port. */
  config?: Partial<RegistryConfig>;
  /** Unix seconds; tests move time to see offers expire. */
  now?: () => bigint;
  /** How batch bodies are checked; on this thread by default, on worker threads with `createCheckPool`. */
  checkBatch?: CheckBatch;
}

export interface CreateRegistryReturnType {
  server: Server;
  /** Where the server listens, e.g. http://127.0.0.1:8787. */
  url: string;
  /** Stop accepting, let requests in flight finish (at most 5 s), and close. The caller closes the Db. */
  close(): Promise<void>;
}

const ROUTES: [RegExp, Partial<Record<string, Handler>>][] = [
  [/^\/health$/, { GET: health }],
  [/^\/v1\/batches$/, { POST: postBatch }],
  [/^\/v1\/revocations$/, { POST: postRevocation }],
  [/^\/v1\/offers$/, { GET: getOffers }],
  [/^\/v1\/offers\/([^/]+)$/, { GET: getOffer }],
  [/^\/v1\/offers\/([^/]+)\/rsl\.xml$/, { GET: getOfferRsl }],
  [/^\/v1\/licensors\/([^/]+)\/rsl\.xml$/, { GET: getLicensorRsl }],
];

async function handle(ctx: RegistryContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://registry.invalid');
  const method = req.method ?? 'GET';
  // The extension's service worker sends JSON cross-origin, so every POST is preceded by a preflight.
  if (method === 'OPTIONS') return void res.writeHead(204, CORS_HEADERS).end();
  const route = ROUTES.find(([pattern]) => pattern.test(url.pathname));
  if (!route) throw new HttpError(404, `no such endpoint: ${method} ${url.pathname}`);
  const handler = route[1][method];
  const allowed = Object.keys(route[1]).join(', ');
  if (!handler) throw new HttpError(405, `${url.pathname} takes ${allowed}, not ${method}`, { allow: `${allowed}, OPTIONS` });
  const params = route[0].exec(url.pathname)!.slice(1);
  const reply = await handler(ctx, { req, res, url, params });
  if (reply) send(res, reply);
}

function fail(res: ServerResponse, e: unknown): void {
  if (res.headersSent) return void res.destroy(); // mid-stream: a cut-off body is all that can still say "failed"
  if (e instanceof HttpError) return send(res, { status: e.status, body: { error: e.message }, headers: e.headers });
  console.error('registry: internal error:', e);
  send(res, { status: 500, body: { error: 'internal error' } });
}

/**
 * Migrate the database, then serve the registry's HTTP API on `config.host`/`config.port`; with
 * `config.chainRpcUrl`, also follow sales on chain and (with `config.relayerKey`) relay revocations (chain/link.ts).
 * `close()` stops those too.
 * @example const { url, close } = await createRegistry({ db: await openPglite(), config: { port: 0 } })
 */
export async function createRegistry({ db, config: partial = {}, now, checkBatch: check = checkBatch }: CreateRegistryParameters): Promise<CreateRegistryReturnType> {
  const config: RegistryConfig = { ...DEFAULT_CONFIG, ...partial };
  await migrate(db);
  const server = createServer();
  const listening = () => {
    const { address, port } = server.address() as AddressInfo;
    return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  };
  const clock = now ?? (() => BigInt(Math.floor(Date.now() / 1000)));
  const ctx: RegistryContext = {
    db,
    config,
    now: clock,
    publicUrl: () => config.publicUrl ?? listening(),
    terms: createTermsCache(db),
    maintenance: createMaintenance(db, { now: clock }),
    checkBatch: check,
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(ctx, req, res).catch((e: unknown) => fail(res, e));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  // Only once listening: a registry that cannot start must not be relaying.
  if (config.chainRpcUrl) ctx.chain = startChainLink(db, { ...config, chainRpcUrl: config.chainRpcUrl });
  return {
    server,
    url: listening(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : Promise.all([ctx.maintenance.stop(), ctx.chain?.stop()]).then(() => resolve(), reject)));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      }),
  };
}
