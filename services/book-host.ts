import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Dispatched } from '../bridge/dispatch.js';
import type { Progress } from '../core/work/long-work.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol.js';

interface Pending { resolve: (d: Dispatched) => void; flag: Int32Array; onProgress?: (p: Progress) => void }

/** The compiled worker: beside this file in dist/, or dist/services when this file runs from source (vitest). */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./book-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL('../dist/services/book-worker.js', import.meta.url));
}

/**
 * The window side of the background book thread, used by electron/ and the browser bridge alike: `call` sends a
 * contract call and resolves with its typed outcome; `cancel` flips the call's shared flag so the work rolls back
 * at its next step. If the thread dies, waiting calls fail as internal errors and the next call starts a new one
 * (with no book open: the user opens it again).
 */
export class BookHost {
  private worker: Worker | undefined;
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly setup: WorkerSetup) {}

  call(method: string, args: unknown, options: { callId?: string; onProgress?: (p: Progress) => void } = {}): Promise<Dispatched> {
    const id = options.callId ?? randomUUID();
    if (this.pending.has(id)) return Promise.resolve({ ok: false, status: 409, error: { code: 'busy', message: `call ${id} is already running` } });
    const cancel = new SharedArrayBuffer(4);
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, flag: new Int32Array(cancel), onProgress: options.onProgress });
      this.ensureWorker().postMessage({ type: 'call', id, method, args, cancel } satisfies ToWorker);
    });
  }

  /** True when the call was still waiting or running (it will end as `cancelled`, the book unchanged). */
  cancel(callId: string): boolean {
    const p = this.pending.get(callId);
    if (!p) return false;
    Atomics.store(p.flag, 0, 1);
    return true;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage({ type: 'shutdown' } satisfies ToWorker);
      // A thread stuck in work is stopped after a grace period; SQLite rolls back what it had not committed.
      setTimeout(() => void worker.terminate(), 30_000).unref();
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerFile(), { workerData: this.setup });
    worker.on('message', (m: FromWorker) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.onProgress?.(m.progress);
      else {
        this.pending.delete(m.id);
        p.resolve(m.out);
      }
    });
    const fail = () => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.resolve({ ok: false, status: 500, error: { code: 'internal', message: 'the background process stopped; open the book again. Details are in the log.' } });
      }
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    this.worker = worker;
    return worker;
  }
}
