import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptCloseExceptions, approvePeriod, preparePeriod, reviewPeriod } from '../../core/close/close-period.js';
import { createDemoBook } from '../../core/demo/create-demo-book.js';
import { addUser, signIn, type SignedIn } from '../../core/users/users.js';
import type { Book } from '../../db/connection.js';
import { UserError } from '../../core/errors.js';

export const APPROVED_MONTHS = ['2025-11', '2025-12'] as const;

export function bookPeople(book: Book): Record<'wang' | 'li' | 'zhao' | 'admin', SignedIn> {
  return {
    admin: signIn(book, 'admin', 'admin-pass-1'), wang: signIn(book, 'wang', 'wang-pass-1'), li: signIn(book, 'li', 'li-pass-1'), zhao: signIn(book, 'zhao', 'zhao-pass-1'),
  };
}

/** Closes a month the way the demo's accountant, credit controller and manager would, accepting its exceptions. */
export function closeMonth(book: Book, period: string): void {
  const p = bookPeople(book);
  prepareAccepting(book, period, p.wang);
  reviewPeriod(book, period, p.li);
  approvePeriod(book, period, p.zhao);
}

/** Prepares a month; the exceptions its reconciliation finds are accepted with a reason first. */
export function prepareAccepting(book: Book, period: string, accountant: SignedIn): void {
  try {
    preparePeriod(book, period, accountant);
  } catch (e) {
    if (!(e instanceof UserError) || e.code !== 'close.blocking') throw e;
    acceptCloseExceptions(book, period, 'all', 'agreed with the KAs at month end', accountant);
    preparePeriod(book, period, accountant);
  }
}

async function build(path: string): Promise<void> {
  const book = await createDemoBook(path, 'demo');
  try {
    addUser(book, null, { username: 'admin', role: 'admin', password: 'admin-pass-1' });
    const admin = signIn(book, 'admin', 'admin-pass-1');
    addUser(book, admin, { username: 'wang', displayName: '王会计', role: 'accountant', password: 'wang-pass-1' });
    addUser(book, admin, { username: 'li', displayName: '李信用', role: 'credit_controller', password: 'li-pass-1' });
    addUser(book, admin, { username: 'zhao', displayName: '赵经理', role: 'manager', password: 'zhao-pass-1' });
    for (const m of APPROVED_MONTHS) closeMonth(book, m);
    book.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    book.close();
  }
}

/**
 * A demo book (seed 1) with its first two months approved, built once per test run and copied for each caller —
 * a demo year and two closes take seconds, and several test files need the same book.
 */
export async function approvedDemoCopy(into: string): Promise<string> {
  const cache = join(tmpdir(), `ka-settle-approved-demo-${process.ppid}`);
  const file = join(cache, 'approved.kasettle');
  const lock = `${cache}.lock`;
  for (let waited = 0; !existsSync(file); waited += 200) {
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building it: wait (a stale lock older than two minutes is taken over).
      if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      if (!existsSync(file)) {
        const part = join(`${cache}-building-${process.pid}`, 'approved.kasettle');
        mkdirSync(join(part, '..'), { recursive: true });
        await build(part);
        mkdirSync(cache, { recursive: true });
        renameSync(part, file);
        rmSync(join(part, '..'), { recursive: true, force: true });
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  const target = join(into, 'demo.kasettle');
  copyFileSync(file, target);
  return target;
}
