import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Dispatched } from '../bridge/dispatch.js';
import type { Progress } from '../core/work/long-work.js';
import { renderMessage, type Params } from '../locale/index.js';
import { DEFAULT_LIMITS, LONG_CALLS, type CallLimits } from './call-limits.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol.js';

interface Pending {
  method: string;
  resolve: (d: Dispatched) => void;
  flag: Int32Array;
  onProgress?: ((p: Progress) => void) | undefined;
  /** the call's time limit, armed when it starts and re-armed by progress for long calls */
  limit?: NodeJS.Timeout;
  /** after a cancel: the thread is replaced if the work has not stopped by then */
  grace?: NodeJS.Timeout;
  timedOut?: boolean;
}

/** Why the thread was replaced, for whoever shows it (the window says so). */
export type RestartReason = 'timeout' | 'cancel-ignored' | 'died';

/** The compiled worker: beside this file in dist/, or dist/services when this file runs from source (vitest). */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./book-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL('../dist/services/book-worker.js', import.meta.url));
}

function failure(status: number, code: string, params: Params = {}): Dispatched {
  return { ok: false, status, error: { code, message: renderMessage('en', { code, params }), params } };
}

const BOOK_STATE_METHODS = new Set(['app.openBook', 'app.createBook', 'app.restoreDamaged', 'app.closeBook', 'app.state']);

/**
 * The window side of the background book thread, used by electron/ and the browser bridge alike: `call` sends a
 * contract call and resolves with its typed outcome — always, whatever happens in the thread. Each call has a time
 * limit; a call past it (or cancelled) is asked to stop, and if it does not within a grace period — a library stuck
 * in a loop or waiting forever — the thread is replaced, the book opened again in the new one and every waiting
 * call told why. The same happens if the thread dies. Paths granted by native dialogs or the bridge are kept here
 * and given to each new thread.
 */
export class BookHost {
  private worker: Worker | undefined;
  private readonly pending = new Map<string, Pending>();
  private readonly grants: { path: string; mode: 'read' | 'write' }[] = [];
  private lastBook: string | null = null;
  private readonly limits: CallLimits;
  private closing = false;
  /** restarts so far (the window and tests read it) */
  restarts = 0;

  constructor(private readonly setup: WorkerSetup, options: { limits?: Partial<CallLimits>; onRestart?: (reason: RestartReason) => void } = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.onRestart = options.onRestart;
  }

  private readonly onRestart: ((reason: RestartReason) => void) | undefined;

  call(method: string, args: unknown, options: { callId?: string; onProgress?: (p: Progress) => void } = {}): Promise<Dispatched> {
    const id = options.callId ?? randomUUID();
    if (this.pending.has(id)) return Promise.resolve({ ok: false, status: 409, error: { code: 'busy', message: `call ${id} is already running` } });
    const cancel = new SharedArrayBuffer(4);
    return new Promise((resolve) => {
      const entry: Pending = { method, resolve, flag: new Int32Array(cancel), onProgress: options.onProgress };
      this.pending.set(id, entry);
      try {
        this.ensureWorker().postMessage({ type: 'call', id, method, args, cancel } satisfies ToWorker);
      } catch {
        // Arguments the structured clone cannot copy (nested too deeply): refused here, the thread never sees them.
        this.pending.delete(id);
        resolve(failure(400, 'security.host-cannot-send'));
      }
    });
  }

  /** True when the call was still waiting or running (it will end as `cancelled`, the book unchanged). */
  cancel(callId: string): boolean {
    const p = this.pending.get(callId);
    if (!p) return false;
    this.stop(callId, p);
    return true;
  }

  /** A path the user chose in a native dialog (or the bridge made) that the window may write to or hand over. */
  grant(path: string, mode: 'read' | 'write'): void {
    this.grants.push({ path, mode });
    this.worker?.postMessage({ type: 'grant', path, mode } satisfies ToWorker);
  }

  /** Calls sent and not yet answered (waiting or running). */
  get inFlight(): number {
    return this.pending.size;
  }

  async close(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage({ type: 'shutdown' } satisfies ToWorker);
      // A thread stuck in work is stopped after a grace period; SQLite rolls back what it had not committed.
      setTimeout(() => void worker.terminate(), 30_000).unref();
    });
    for (const [id, p] of [...this.pending]) this.settle(id, p, failure(503, 'security.host-restarted-no-book'));
  }

  /** Asks a call to stop; if it has not within the grace period, the thread is replaced. */
  private stop(id: string, p: Pending): void {
    Atomics.store(p.flag, 0, 1);
    p.grace ??= setTimeout(() => {
      if (this.pending.get(id) === p) this.restart(p.timedOut ? 'timeout' : 'cancel-ignored');
    }, this.limits.cancelGraceMs);
  }

  private arm(id: string, p: Pending): void {
    if (p.limit) clearTimeout(p.limit);
    const ms = LONG_CALLS.has(p.method) ? this.limits.longSilenceMs : this.limits.quickMs;
    p.limit = setTimeout(() => {
      p.timedOut = true;
      this.stop(id, p);
    }, ms);
  }

  private settle(id: string, p: Pending, out: Dispatched): void {
    if (p.limit) clearTimeout(p.limit);
    if (p.grace) clearTimeout(p.grace);
    this.pending.delete(id);
    const seconds = Math.round((LONG_CALLS.has(p.method) ? this.limits.longSilenceMs : this.limits.quickMs) / 1000);
    p.resolve(p.timedOut && !out.ok ? failure(504, 'security.host-timeout', { seconds }) : out);
  }

  /**
   * Replaces the thread: the old one is stopped wherever it is (its open transaction rolls back), every waiting
   * call is answered, and the last book is opened again in the new one (nobody is signed in there).
   */
  private restart(reason: RestartReason): void {
    const old = this.worker;
    this.worker = undefined;
    this.restarts++;
    if (old) {
      old.removeAllListeners();
      old.on('error', () => {});
      void old.terminate();
    }
    const code = this.lastBook ? 'security.host-restarted' : 'security.host-restarted-no-book';
    for (const [id, p] of [...this.pending]) {
      const seconds = Math.round((LONG_CALLS.has(p.method) ? this.limits.longSilenceMs : this.limits.quickMs) / 1000);
      this.settle(id, { ...p, timedOut: false }, p.timedOut ? failure(504, 'security.host-timeout', { seconds, restarted: true }) : failure(503, code));
    }
    if (this.closing) return;
    this.onRestart?.(reason);
    if (this.lastBook) {
      const path = this.lastBook;
      void this.call('app.openBook', { path }).then((r) => {
        if (!r.ok) this.lastBook = null;
      });
    } else this.ensureWorker();
  }

  private remember(method: string, out: Dispatched): void {
    if (!out.ok || !BOOK_STATE_METHODS.has(method)) return;
    const book = (out.result as { book?: { path?: string } | null } | undefined)?.book;
    this.lastBook = book?.path ?? null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerFile(), { workerData: this.setup });
    worker.on('message', (m: FromWorker) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'started') this.arm(m.id, p);
      else if (m.type === 'progress') {
        if (LONG_CALLS.has(p.method) && !p.timedOut) this.arm(m.id, p);
        p.onProgress?.(m.progress);
      } else {
        this.remember(p.method, m.out);
        this.settle(m.id, p, m.out);
      }
    });
    const died = () => {
      if (this.worker !== worker) return;
      if (this.closing) {
        this.worker = undefined;
        for (const [id, p] of [...this.pending]) this.settle(id, p, failure(503, 'security.host-restarted-no-book'));
        return;
      }
      this.restart('died');
    };
    worker.on('error', died);
    worker.on('exit', died);
    this.worker = worker;
    for (const g of this.grants) worker.postMessage({ type: 'grant', path: g.path, mode: g.mode } satisfies ToWorker);
    return worker;
  }
}
