import type { Dispatched } from '../bridge/dispatch.js';
import type { Progress } from '../core/work/long-work.js';

/** Messages between the window's side (BookHost) and the background thread that holds the book. */
export type ToWorker =
  | { type: 'call'; id: string; method: string; args: unknown; cancel: SharedArrayBuffer }
  | { type: 'shutdown' };

export type FromWorker =
  | { type: 'progress'; id: string; progress: Progress }
  | { type: 'done'; id: string; out: Dispatched };

export interface WorkerSetup { home: string; actor: string; logFile: string }
