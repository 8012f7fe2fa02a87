import { repairPostIndex } from '../ext/items';
import { onInstalled } from '../ext/lifecycle';
import { serve } from '../ext/serve';
import { handlers } from './handlers';

// MV3: every listener is registered synchronously at the top level, so a message that wakes the worker
// finds its handler. No state worth keeping lives in memory; storage is the truth.
serve(handlers);
onInstalled(() => repairPostIndex());
