// Worker-thread side of verify-pool.ts: checks batch bodies off the main thread.
import { parentPort } from 'node:worker_threads';
import { checkBatch } from './batch-check';

parentPort!.on('message', async ({ id, bytes, options }) => {
  try {
    parentPort!.postMessage({ id, result: await checkBatch(bytes, options) });
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
