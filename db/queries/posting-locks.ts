import type Database from 'better-sqlite3';
import { BookRefusalError } from '../errors.js';

/**
 * The book's guards on what posting inserts — the period lock (期间锁) on documents, lines, entries and open items, and
 * the corrections' rules on versions and reversals — checked once for a whole import instead of row by row.
 *
 * Each guard is a BEFORE INSERT trigger of one form, `WHEN <condition> BEGIN SELECT RAISE(ABORT, '<refusal>'); END`.
 * A trigger costs its run for every row: the lines' lock looked up each line's document and period, a third of storing
 * a line (about 3 µs of 9, `--only store-lines` on the year book), and the documents' four cost a third of storing a
 * document. Inside an import's transaction the triggers are dropped; before the transaction may commit, each trigger's
 * own condition is asked, as it is written, of every row inserted since (as `NEW`, read once per distinct value of the
 * columns it reads: a million lines are a few thousand documents), and the triggers are created again from the very
 * text the book held. The condition is then asked of the finished transaction rather than row by row as it went; a
 * refusal names no row, and the file is refused whole, as it would have been.
 *
 * DDL is part of the transaction: a rollback, a crash or a refused file brings the triggers back with everything else,
 * and no other connection ever sees the book without them (they read the last committed schema; the import holds the
 * write lock). Book.commit and Book.write refuse to commit while they are suspended (db/connection.ts).
 */
const GUARDS = [
  'documents_lock_insert', 'documents_before_closed_month', 'documents_version_after_reversal', 'documents_reversal_mirrors',
  'document_lines_lock_insert', 'entries_lock_insert', 'open_items_lock_insert',
] as const;

const FORM = /^CREATE TRIGGER (\w+) BEFORE INSERT ON (\w+)\s+WHEN ([\s\S]+?)\s+BEGIN SELECT RAISE\(ABORT, '([\w:-]+)'\); END$/;

interface Guard {
  name: string;
  sql: string;
  /** the refusal's check, bound to the last rowid of the table before the suspension */
  check: string;
  table: string;
}

/** Each guard as the book holds it, and the query asking its condition of the rows inserted after a rowid. */
function guardsOf(db: Database.Database): Guard[] {
  const text = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck();
  return GUARDS.map((name) => {
    const sql = text.get(name) as string | undefined;
    const form = sql ? FORM.exec(sql) : null;
    if (!sql || !form || form[1] !== name) throw new Error(`the book's ${name} is missing or not of the form the import checks`);
    const [, , table, condition, refusal] = form as unknown as [string, string, string, string, string];
    const columns = [...new Set([...condition.matchAll(/\bNEW\.(\w+)/g)].map((m) => m[1]!))];
    return {
      name, sql, table,
      check: `SELECT '${refusal}' FROM (SELECT DISTINCT ${columns.join(', ')} FROM ${table} WHERE rowid > ?) AS NEW WHERE ${condition} LIMIT 1`,
    };
  });
}

interface Suspension {
  guards: Guard[];
  /** each table's last rowid before the suspension: rows are never deleted and rowids grow, so what is new is above it */
  before: Map<string, number>;
}

/** Connections whose guards are suspended in their open transaction. */
const suspended = new WeakMap<Database.Database, Suspension>();

export interface PostingLocksSuspension {
  /**
   * Asks every guard of the rows inserted since the suspension and creates the triggers again. Throws the book's
   * refusal (and leaves the triggers dropped, so the transaction cannot commit) when a row breaks one.
   */
  restore(): void;
}

export function postingLocksSuspended(db: Database.Database): boolean {
  return suspended.has(db);
}

/** The transaction ended in a rollback, which brought the triggers back. */
export function forgetPostingLocksSuspension(db: Database.Database): void {
  suspended.delete(db);
}

export function suspendPostingLocks(db: Database.Database): PostingLocksSuspension {
  if (!db.inTransaction) throw new Error('the posting locks are suspended only inside the write transaction of an import');
  if (suspended.has(db)) throw new Error('the posting locks are already suspended');
  const guards = guardsOf(db);
  const before = new Map<string, number>();
  for (const table of new Set(guards.map((g) => g.table))) before.set(table, db.prepare(`SELECT coalesce(max(rowid), 0) FROM ${table}`).pluck().get() as number);
  for (const g of guards) db.exec(`DROP TRIGGER ${g.name}`);
  const state: Suspension = { guards, before };
  suspended.set(db, state);
  return {
    restore() {
      if (suspended.get(db) !== state) throw new Error('the posting locks are not suspended');
      for (const g of guards) {
        const refusal = db.prepare(g.check).pluck().get(before.get(g.table)!) as string | undefined;
        if (refusal !== undefined) throw new BookRefusalError(refusal);
      }
      for (const g of guards) db.exec(g.sql);
      suspended.delete(db);
    },
  };
}

/** Refuses to let a transaction commit while the posting locks are suspended in it. */
export function assertPostingLocksInForce(db: Database.Database): void {
  if (suspended.has(db)) throw new Error('the posting locks are suspended: they must be restored before the transaction commits');
}
