import { browser, type Runtime } from '../../ext/browser';
import { EARNINGS_LIVE_PORT } from '../../ext/earnings-items';
import { networkItem } from '../../ext/publish-items';
import { publicClientFor } from './client';
import { syncEarnings, viewers } from './sync';

/** How often the chain head is asked for while the Earnings view is open: about an L2 block. */
export const LIVE_POLL_MS = 1_000;

const ports = new Set<Runtime.Port>();
let timer: ReturnType<typeof setTimeout> | null = null;
/** The block last synced to, and on which RPC: a newer head (or another RPC) means a sync. */
let seen: { rpcUrl: string; head: bigint } | null = null;

async function poll(): Promise<void> {
  const network = await networkItem.get();
  const head = await publicClientFor(network).getBlockNumber({ cacheTime: 0 });
  if (seen?.rpcUrl === network.rpcUrl && seen.head === head) return;
  // What the run reached, not `head`: a run already going when the block came (the alarm's) stops short of it,
  // and the next poll runs again.
  const s = await syncEarnings();
  seen = { rpcUrl: network.rpcUrl, head: BigInt(s.ledger.syncedTo ?? -1) };
}

function loop(): void {
  timer = null;
  if (ports.size === 0) return;
  // A failed poll is not shown: the alarm's and "Sync now"'s sync report RPC errors; this only makes them sooner.
  void poll()
    .catch(() => undefined)
    .finally(() => {
      if (ports.size > 0 && timer === null) timer = setTimeout(loop, LIVE_POLL_MS);
    });
}

/**
 * While a popup shows the Earnings view it holds a port open; meanwhile every new block is synced at once, so a
 * sale shows within about a second instead of at the next minute's alarm. Nothing here needs to survive the
 * worker: the ledger is in storage, and a popup whose port drops connects again (waking a new worker).
 * The popup's messages on the port (a ping every 20 s) keep the worker alive. Register at the top level.
 */
export function serveLiveSync(): void {
  browser.runtime.onConnect.addListener((port) => {
    // Our own pages only: a content script could otherwise keep the worker polling.
    const ours = port.sender?.id === browser.runtime.id && !!port.sender.url?.startsWith(browser.runtime.getURL(''));
    if (port.name !== EARNINGS_LIVE_PORT || !ours) return;
    ports.add(port);
    viewers.count = ports.size;
    port.onMessage.addListener(() => undefined);
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      viewers.count = ports.size;
      if (ports.size === 0) seen = null;
    });
    if (timer === null) loop();
  });
}
