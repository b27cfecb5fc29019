import type Database from 'better-sqlite3';
import { BookRefusalError } from '../errors.js';

/**
 * The period lock (期间锁) on lines, checked once for a whole import instead of line by line.
 *
 * document_lines_lock_insert looks up every new line's document and period: for a year's file of a million lines
 * that was a third of storing them (about 3 µs a line of 9, `--only store-lines` on the year book), while the lines
 * an import writes all belong to documents it has just inserted, each of which passed the documents' own period
 * lock. Inside the import's transaction the trigger is dropped; before the transaction may commit, one set-based
 * query asks the trigger's own question of every line written since (is its document's period closed?) and the
 * trigger is created again from the very text the book held. DDL is part of the transaction: a rollback, a crash or a
 * refused file brings the trigger back with everything else, and no other connection ever sees the book without it
 * (they read the last committed schema; the import holds the write lock). Book.commit and Book.write refuse to commit
 * while the lock is suspended (db/connection.ts).
 */
const TRIGGER = 'document_lines_lock_insert';

/** Connections whose line lock is suspended in their open transaction, with the trigger's text to restore. */
const suspended = new WeakMap<Database.Database, string>();

export interface LineLockSuspension {
  /**
   * Checks every line written since the suspension against the lock and creates the trigger again. Throws the book's
   * period-closed refusal (and leaves the trigger dropped, so the transaction cannot commit) when a line's document
   * is in a closed period.
   */
  restore(): void;
}

export function lineLockSuspended(db: Database.Database): boolean {
  return suspended.has(db);
}

/** The transaction ended in a rollback, which brought the trigger back. */
export function forgetLineLockSuspension(db: Database.Database): void {
  suspended.delete(db);
}

export function suspendLineLock(db: Database.Database): LineLockSuspension {
  if (!db.inTransaction) throw new Error('the line lock is suspended only inside the write transaction of an import');
  if (suspended.has(db)) throw new Error('the line lock is already suspended');
  const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(TRIGGER) as string | undefined;
  if (!sql) throw new Error(`the book has no ${TRIGGER}`);
  // Line ids are rowids without AUTOINCREMENT and lines are never deleted: every line written from here on has a larger id.
  const before = db.prepare('SELECT coalesce(max(id), 0) FROM document_lines').pluck().get() as number;
  db.exec(`DROP TRIGGER ${TRIGGER}`);
  suspended.set(db, sql);
  return {
    restore() {
      if (suspended.get(db) !== sql) throw new Error('the line lock is not suspended');
      // The trigger's condition for each new line, asked once per document: the new lines are read on their rowid range.
      const refused = db.prepare(`SELECT d.period FROM documents d JOIN periods p ON p.period = d.period
        WHERE p.status = 'closed' AND d.id IN (SELECT document_id FROM document_lines WHERE id > ?) LIMIT 1`).pluck().get(before) as string | undefined;
      if (refused !== undefined) throw new BookRefusalError({ code: 'period-closed', period: refused });
      db.exec(sql);
      suspended.delete(db);
    },
  };
}

/** Refuses to let a transaction commit while the line lock is suspended in it. */
export function assertLineLockInForce(db: Database.Database): void {
  if (suspended.has(db)) throw new Error('the period lock on lines is suspended: it must be restored before the transaction commits');
}
