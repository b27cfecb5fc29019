import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { bookMethods } from '../../contract/book-methods.js';
import { backupBeforeRisk } from '../../core/book/backup.js';
import { lastGoodBackup, listBackups, pruneBackups, replaceWithBackup, restoreDamagedBook, verifyBackup } from '../../core/book/book-backups.js';
import { checkBook } from '../../core/book/check-book.js';
import { backupsKept } from '../../core/settings/effective-settings.js';
import { listUsers, requireRole } from '../../core/users/users.js';
import { balancesView, bookSummary, documentsView, documentView, periodsWithDeliveriesView } from '../../core/views/book-views.js';
import type { HandlersOf } from './handler-types.js';

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
    if (session.book && resolve(session.book.path) === resolve(a.path)) session.close();
    await restoreDamagedBook(resolve(a.path), a.file);
    await session.open(a.path);
    return session.state();
  },
  'book.backups': ({ session }) => ({ backups: listBackups(session.requireBook().path) }),
  'book.restore': async ({ session }, a) => {
    const book = session.requireBook();
    // Replacing a book with users is a manager's or admin's decision; a book without users is its owner's.
    if (listUsers(book).length > 0) requireRole(session.requireUser('act.restore-backup'), ['manager'], 'act.restore-backup');
    const path = book.path;
    await verifyBackup(a.file);
    const safetyCopy = await backupBeforeRisk(book, 'before-restore');
    session.close();
    try {
      replaceWithBackup(path, a.file);
      await session.open(path);
    } catch (e) {
      // Whatever went wrong, the user gets back the book exactly as it was before they asked.
      copyFileSync(safetyCopy, path);
      await session.open(path);
      throw e;
    }
    return { restoredFrom: a.file, safetyCopy };
  },
};
