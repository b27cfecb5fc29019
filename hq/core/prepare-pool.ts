import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { preparePackage, type KeyRing, type PreparedOutcome } from './prepare-package.js';

/** Makes files ready to load: in worker threads on a large load, in this thread on a small one. */
export interface Preparer {
  prepare(file: string): Promise<PreparedOutcome>;
  close(): Promise<void>;
}

/** Below this many files a load prepares them in its own thread: starting workers costs more than it saves. */
export const WORKERS_FROM_FILES = 16;

/**
 * How many worker threads a load of `files` files uses: none for a few files, else one per core but the one the
 * loading thread (and PGlite, which runs in it) needs, and at least two — on a head-office server with more cores
 * verification overlaps with the database's own work.
 */
export function workersFor(files: number): number {
  if (files < WORKERS_FROM_FILES) return 0;
  return Math.max(2, Math.min(8, availableParallelism() - 1));
}

/** The compiled worker: beside this file in dist/, or dist/hq/core when this file runs from source (vitest). */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./package-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL('../../dist/hq/core/package-worker.js', import.meta.url));
}

const inThread = (keys: KeyRing): Preparer => ({
  prepare: async (file) => preparePackage(file, keys),
  close: async () => {},
});

/** A pool of `workers` threads sharing one queue of files; with 0 workers, the files are prepared in this thread. */
export function preparer(keys: KeyRing, workers: number): Preparer {
  if (workers <= 0) return inThread(keys);
  type Task = { id: number; file: string; resolve: (o: PreparedOutcome) => void; reject: (e: Error) => void };
  const queue: Task[] = [];
  const busy = new Map<Worker, Task>();
  const idle: Worker[] = [];
  let nextId = 0;
  let failed: Error | undefined;
  let closing = false;
  const run = () => {
    while (idle.length && queue.length) {
      const w = idle.pop()!;
      const t = queue.shift()!;
      busy.set(w, t);
      w.postMessage({ id: t.id, file: t.file });
    }
  };
  const threads = Array.from({ length: workers }, () => {
    const w = new Worker(workerFile(), { workerData: { keys: [...keys] } });
    w.on('message', (m: { id: number; outcome?: PreparedOutcome; error?: string }) => {
      const t = busy.get(w)!;
      busy.delete(w);
      idle.push(w);
      if (m.outcome) {
        const o = m.outcome;
        // Bytes cross threads as a Uint8Array; the database clients take a Buffer.
        if (o.ok) o.gzip = Buffer.from(o.gzip.buffer, o.gzip.byteOffset, o.gzip.byteLength);
        t.resolve(o);
      } else t.reject(new Error(`preparing ${t.file}: ${m.error}`));
      run();
    });
    const fail = (e: Error) => {
      failed ??= e;
      const t = busy.get(w);
      busy.delete(w);
      t?.reject(e);
      for (const q of queue.splice(0)) q.reject(e);
    };
    w.on('error', fail);
    // A thread that ends on its own (out of memory, killed) must not leave its file's load waiting for ever.
    w.on('exit', (code) => { if (!closing) fail(new Error(`a package worker thread stopped (exit code ${code})`)); });
    idle.push(w);
    return w;
  });
  return {
    prepare: (file) => new Promise<PreparedOutcome>((resolve, reject) => {
      if (failed) return reject(failed);
      queue.push({ id: nextId++, file, resolve, reject });
      run();
    }),
    close: async () => {
      closing = true;
      await Promise.all(threads.map((w) => w.terminate()));
    },
  };
}
