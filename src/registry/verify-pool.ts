import { Worker } from 'node:worker_threads';
import type { Checked } from '../core/validate-report';
import type { CheckBatch, CheckedBatch } from './batch-check';

interface Job {
  resolve(result: Checked<CheckedBatch>): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
}

/**
 * `checkBatch` on worker threads. Checking a batch of 10,000 leaves takes seconds of pure CPU; on the main
 * thread it would stall every query meanwhile. `workerFile` is the built verify-worker.js; each job goes to the
 * worker with the fewest in hand.
 * @example const pool = createCheckPool(join(here, 'verify-worker.js'), 1); createRegistry({ db, checkBatch: pool.check })
 */
export function createCheckPool(workerFile: string, size: number) {
  let next = 0;
  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(workerFile), jobs: new Map() };
    slot.worker.unref(); // an idle pool never keeps the process alive
    slot.worker.on('message', ({ id, result, error }: { id: number; result?: Checked<CheckedBatch>; error?: string }) => {
      const job = slot.jobs.get(id);
      slot.jobs.delete(id);
      if (error !== undefined) job?.reject(new Error(error));
      else job?.resolve(result!);
    });
    slot.worker.on('error', (e) => {
      // A crashed worker fails what it held and is replaced; the registry keeps serving.
      for (const job of slot.jobs.values()) job.reject(e);
      slots[slots.indexOf(slot)] = start();
    });
    return slot;
  };
  const slots = Array.from({ length: Math.max(1, size) }, start);
  const check: CheckBatch = (bytes, options) => {
    const slot = slots.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    const id = next++;
    return new Promise((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ id, bytes, options });
    });
  };
  return {
    check,
    close: async () => void (await Promise.all(slots.map((s) => s.worker.terminate()))),
  };
}
