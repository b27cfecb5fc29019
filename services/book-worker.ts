import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch, userErrorOut, type Dispatched } from '../bridge/dispatch.js';
import { UserError } from '../core/errors.js';
import { BookSession } from './book-session.js';
import { HqSession } from './hq-session.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol.js';

/**
 * The background thread that owns the book (DESIGN.md §5): every service call runs here, one after another on
 * the one connection, so a million-line import or a year's reconciliation never blocks the window's thread.
 * Cancelling sets a shared flag the work reads between steps even while it runs synchronously.
 */
const setup = workerData as WorkerSetup;
const port = parentPort!;
const session = new BookSession(setup.home, setup.actor);
const hq = new HqSession(setup.home);

function log(line: string): void {
  try {
    mkdirSync(dirname(setup.logFile), { recursive: true });
    appendFileSync(setup.logFile, `${new Date().toISOString()} ${line}\n`);
  } catch {
    // A log that cannot be written must not stop the work.
  }
}

const send = (m: FromWorker) => port.postMessage(m);
let queue: Promise<void> = Promise.resolve();

async function run(m: Extract<ToWorker, { type: 'call' }>): Promise<void> {
  const flag = new Int32Array(m.cancel);
  const isCancelled = () => Atomics.load(flag, 0) === 1;
  let out: Dispatched;
  send({ type: 'started', id: m.id });
  if (isCancelled()) {
    out = userErrorOut(new UserError('work.cancelled'));
  } else {
    out = await dispatch({ session, hq, control: { isCancelled, progress: (progress) => send({ type: 'progress', id: m.id, progress }) } }, m.method, m.args, {
      onInternal: (e) => log(`${m.method}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    });
  }
  try {
    send({ type: 'done', id: m.id, out });
  } catch (e) {
    // A result that cannot cross to the window (it should never happen) still ends the call, typed.
    log(`${m.method}: the result could not be sent: ${e instanceof Error ? e.message : String(e)}`);
    send({ type: 'done', id: m.id, out: { ok: false, status: 500, error: { code: 'internal', message: 'ka-settle could not finish this; details are in the log.' } } });
  }
}

/** One call after another; a call that fails in any way never stops the ones queued after it. */
const enqueue = (m: Extract<ToWorker, { type: 'call' }>) => {
  queue = queue.then(() => run(m)).catch((e: unknown) => log(`queue: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
};

// A stray rejection or exception of some library must not end the thread that holds the book: it is logged, and
// the call it belonged to ends by its time limit in BookHost.
process.on('unhandledRejection', (e) => log(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
process.on('uncaughtException', (e) => log(`uncaught exception: ${e.stack ?? e.message}`));

port.on('message', (m: ToWorker) => {
  if (m.type === 'call') enqueue(m);
  // Grants take effect at once, before any call queued after them.
  else if (m.type === 'grant') session.grants.grant(m.path, m.mode);
  else if (m.type === 'shutdown') {
    void queue.then(() => {
      session.close();
      void hq.close().finally(() => port.close());
    });
  }
});
