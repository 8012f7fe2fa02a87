import { onAlarm, scheduleRepeating } from '../ext/alarms';
import { repairPostIndex } from '../ext/items';
import { onInstalled } from '../ext/lifecycle';
import { serve } from '../ext/serve';
import { restrictSessionStorage } from '../ext/wallet-items';
import { serveLiveSync } from './earnings/live';
import { EARNINGS_ALARM, syncEarnings } from './earnings/sync';
import { handlers } from './handlers';
import { flush, OUTBOX_ALARM } from './publisher';
import { autoLockCheck } from './wallet';

// MV3: every listener is registered synchronously at the top level, so a message or alarm that wakes the
// worker finds its handler. No state worth keeping lives in memory; storage is the truth.
serve(handlers);
onInstalled(repairPostIndex);
scheduleRepeating('auto-lock', 1);
onAlarm('auto-lock', autoLockCheck);
onAlarm(OUTBOX_ALARM, flush);
// Chrome's shortest period is 30 s; a minute is plenty for sales and light on a public RPC.
scheduleRepeating(EARNINGS_ALARM, 1);
onAlarm(EARNINGS_ALARM, syncEarnings);
// While the popup shows Earnings, at every new block instead.
serveLiveSync();
void restrictSessionStorage();
