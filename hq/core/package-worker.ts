import { parentPort, workerData } from 'node:worker_threads';
import { preparePackage } from './prepare-package.js';

/**
 * A worker thread of a large load (prepare-pool.ts): reads, verifies and derives the files it is sent, one at a
 * time, against the keys it was started with. A failure that is not the file's (a bug) goes back as an error.
 */
const keys = new Map<string, string>(workerData.keys as [string, string][]);
parentPort!.on('message', (m: { id: number; file: string }) => {
  try {
    parentPort!.postMessage({ id: m.id, outcome: preparePackage(m.file, keys) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
  }
});
