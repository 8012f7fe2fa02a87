import type { Handlers } from '../../ext/serve';
import { markSeen, syncEarnings } from './sync';
import { estimateWithdraw, withdraw } from './withdraw';

export const earningsHandlers: Pick<Handlers, 'earnings.sync' | 'earnings.seen' | 'earnings.estimateWithdraw' | 'earnings.withdraw'> = {
  async 'earnings.sync'() {
    const s = await syncEarnings({ relink: true });
    return { lastSyncAt: s.lastSyncAt, error: s.error };
  },
  async 'earnings.seen'() {
    await markSeen();
    return { ok: true };
  },
  'earnings.estimateWithdraw': (payload) => estimateWithdraw(payload ?? {}),
  'earnings.withdraw': (payload) => withdraw(payload ?? {}),
};
