import type { Dispatched } from '../bridge/dispatch.js';
import type { Progress } from '../core/work/long-work.js';

/** Messages between the window's side (BookHost) and the background thread that holds the book. */
export type ToWorker =
  | { type: 'call'; id: string; method: string; args: unknown; cancel: SharedArrayBuffer }
  /** a path a native dialog returned or the bridge made: the window may export to it (write) or hand it over (read) */
  | { type: 'grant'; path: string; mode: 'read' | 'write' }
  | { type: 'shutdown' };

export type FromWorker =
  /** the call left the queue and began (its time limit starts now) */
  | { type: 'started'; id: string }
  | { type: 'progress'; id: string; progress: Progress }
  | { type: 'done'; id: string; out: Dispatched };

export interface WorkerSetup { home: string; actor: string; logFile: string }
