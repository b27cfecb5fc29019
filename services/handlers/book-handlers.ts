import { resolve } from 'node:path';
import type { bookMethods } from '../../contract/book-methods.js';
import { backupBeforeRisk } from '../../core/book/backup.js';
import { lastGoodBackup, listBackups, pruneBackups, replaceWithBackup, restoreDamagedBook, verifyBackup } from '../../core/book/book-backups.js';
import { checkBook } from '../../core/book/check-book.js';
import { backupsKept } from '../../core/settings/effective-settings.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { auditRestore, backupHasUsers, closedMonthsUndone, signInToBackup } from '../../core/book/restore-rules.js';
import { assertSoundOnOpen } from '../../core/book/startup-check.js';
import { assertMayUndo } from '../../core/close/four-eyes.js';
import { UserError } from '../../core/errors.js';
import { countUsers } from '../../db/queries/users.js';
import { balancesView, bookSummary, documentsView, documentView, periodsWithDeliveriesView } from '../../core/views/book-views.js';
import type { HandlersOf } from './handler-types.js';

/** True when the book at path opens and passes the startup check (it is not damaged). */
async function isSound(path: string): Promise<boolean> {
  try {
    const book = await openExistingBook(path);
    try {
      assertSoundOnOpen(book);
      return true;
    } finally {
      book.close();
    }
  } catch {
    return false;
  }
}

export const bookHandlers: HandlersOf<typeof bookMethods> = {
  'app.state': ({ session }) => session.state(),
  'app.openBook': async ({ session }, a) => {
    await session.open(a.path);
    return session.state();
  },
  'app.createBook': async ({ session }, a) => {
    await session.create(a.path, a.demo ?? false);
    return session.state();
  },
  'app.closeBook': ({ session }) => {
    session.close();
    return session.state();
  },
  'book.summary': ({ session }) => bookSummary(session.requireBook()),
  'book.periods': ({ session }) => ({ periods: periodsWithDeliveriesView(session.requireBook()) }),
  'book.check': ({ session }) => checkBook(session.requireBook()),
  'book.balances': ({ session }, a) => ({ rows: balancesView(session.requireBook(), a.by, a.asOf) as unknown as Record<string, unknown>[] }),
  'book.documents': ({ session }, a) => ({
    rows: documentsView(session.requireBook(), { ...(a.kind ? { kind: a.kind } : {}), ...(a.period ? { period: a.period } : {}), ...(a.ka ? { kaCode: a.ka } : {}), ...(a.docNo ? { docNo: a.docNo } : {}) }, { offset: a.offset, limit: a.limit }),
  }),
  'book.document': ({ session }, a) => ({ documents: documentView(session.requireBook(), a.key) as unknown as Record<string, unknown>[] }),
  'book.backup': async ({ session }, a) => {
    const book = session.requireBook();
    const file = await backupBeforeRisk(book, a.reason);
    return { file, pruned: pruneBackups(book.path, backupsKept(book)) };
  },
  'app.lastGoodBackup': async (_ctx, a) => {
    const b = await lastGoodBackup(a.path);
    return { backup: b ? { file: b.file, name: b.name, takenAt: b.takenAt } : null };
  },
  'app.restoreDamaged': async ({ session }, a) => {
    const path = resolve(a.path);
    // Only a book that fails its check is restored this way; a sound book is restored from 文件 → 恢复, signed in.
    if (await isSound(path)) throw new UserError('security.book-not-damaged', {}, { file: path });
    await verifyBackup(a.file);
    let actor = session.osActor;
    if (await backupHasUsers(a.file)) {
      if (!a.username || !a.password) throw new UserError('security.restore-sign-in', {}, { field: 'username' });
      actor = (await signInToBackup(a.file, a.username, a.password)).username;
    }
    if (session.book && resolve(session.book.path) === path) session.close();
    const aside = await restoreDamagedBook(path, a.file);
    await session.open(path);
    auditRestore(session.requireBook(), actor, 'restore-damaged', { file: a.file, reason: a.reason ?? '', undoes: [], copy: aside });
    return session.state();
  },
  'book.backups': ({ session }) => ({ backups: listBackups(session.requireBook().path) }),
  'book.restore': async ({ session, actor }, a) => {
    const book = session.requireBook();
    const path = book.path;
    await verifyBackup(a.file);
    // Taking a closed month's close away is a reopening: a manager or admin who signed none of it, with a reason.
    const undoes = await closedMonthsUndone(book, a.file);
    if (undoes.length && countUsers(book) > 0) assertMayUndo(book, undoes, session.requireUser('backup.restore'), 'backup.restore', a.reason);
    auditRestore(book, actor, 'restore-away', { file: a.file, reason: a.reason, undoes });
    const safetyCopy = await backupBeforeRisk(book, 'before-restore');
    session.close();
    try {
      replaceWithBackup(path, a.file);
      await session.open(path);
    } catch (e) {
      // Whatever went wrong, the user gets back the book exactly as it was before they asked.
      replaceWithBackup(path, safetyCopy);
      await session.open(path);
      throw e;
    }
    auditRestore(session.requireBook(), actor, 'restore', { file: a.file, reason: a.reason, undoes, copy: safetyCopy });
    return { restoredFrom: a.file, safetyCopy, reopened: undoes };
  },
};
