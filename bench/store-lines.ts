import Database from 'better-sqlite3';
import { loadavg } from 'node:os';
import type { Book } from '../db/connection.js';
import { insertLines, type LineRow } from '../db/queries/documents.js';
import { cpuSecondsSince } from './measure.js';

/**
 * store.lines (issue 18 point 6: what storing a line is spent on). The import bench's lines are stored again by the
 * book's own insertLines under copies of their documents, once as the book is and once without each guarantee that
 * storing pays for, every time in a transaction that is rolled back (the DDL with it: the bench's copy of the book is
 * left as it was). Beside them, the same values into a bare table of twelve columns in the same run.
 */
const WITHOUT: Record<string, { ddl: string[]; foreignKeys: boolean }> = {
  'as the book is': { ddl: [], foreignKeys: true },
  'without the period-lock trigger': { ddl: ['DROP TRIGGER document_lines_lock_insert'], foreignKeys: true },
  'without document_lines_by_order': { ddl: ['DROP INDEX document_lines_by_order'], foreignKeys: true },
  'without foreign keys': { ddl: [], foreignKeys: false },
  'without the trigger and the index': { ddl: ['DROP TRIGGER document_lines_lock_insert', 'DROP INDEX document_lines_by_order'], foreignKeys: true },
  'without all three': { ddl: ['DROP TRIGGER document_lines_lock_insert', 'DROP INDEX document_lines_by_order'], foreignKeys: false },
};

/** Lines go to insertLines 512 at a time, as the import's poster hands them over. */
const BATCH = 512;

export function benchStoreLines(bookPath: string, scale: string, rounds: number, print: (line: object) => void): void {
  const db = new Database(bookPath);
  try {
    const book = { db } as unknown as Book;
    const lines = db.prepare('SELECT * FROM document_lines ORDER BY id').all() as (LineRow & { id: number })[];
    const docs = db.prepare('SELECT * FROM documents WHERE id IN (SELECT DISTINCT document_id FROM document_lines) ORDER BY id').all() as Record<string, unknown>[];
    if (lines.length === 0 || docs.length === 0) throw new Error(`store.lines: ${bookPath} holds no lines (run the import bench first)`);
    const columns = Object.keys(docs[0]!).filter((c) => c !== 'id');
    const copyDocument = db.prepare(`INSERT INTO documents (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    const cpu: Record<string, number[]> = { bare: [] };
    for (const name of Object.keys(WITHOUT)) cpu[name] = [];
    for (let round = 0; round < rounds; round++) {
      for (const [name, how] of Object.entries(WITHOUT)) {
        db.pragma(`foreign_keys = ${how.foreignKeys ? 'ON' : 'OFF'}`);
        db.exec('BEGIN');
        try {
          for (const sql of how.ddl) db.exec(sql);
          const copyOf = new Map<number, number>();
          // A copy's natural key is its original's with a suffix: the unique key is not what is measured.
          for (const d of docs) copyOf.set(d.id as number, Number(copyDocument.run(columns.map((c) => (c === 'natural_key' ? `${String(d[c])}#bench` : d[c]))).lastInsertRowid));
          const rows: LineRow[] = lines.map(({ id: _id, ...l }) => ({ ...l, document_id: copyOf.get(l.document_id)! }));
          const start = process.cpuUsage();
          for (let i = 0; i < rows.length; i += BATCH) insertLines(book, rows.slice(i, i + BATCH));
          cpu[name]!.push(cpuSecondsSince(start));
        } finally {
          db.exec('ROLLBACK');
        }
      }
      db.exec('BEGIN');
      try {
        db.exec(`CREATE TEMP TABLE bare_lines (document_id INTEGER, line_no INTEGER, store_id INTEGER, product_id INTEGER, order_no TEXT,
          qty_milli INTEGER, price_e4 INTEGER, amount_fen INTEGER, fee_type TEXT, fee_text TEXT, reference TEXT, memo TEXT)`);
        const insert = db.prepare('INSERT INTO bare_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
        const start = process.cpuUsage();
        for (const l of lines) insert.run(l.document_id, l.line_no, l.store_id, l.product_id, l.order_no, l.qty_milli, l.price_e4, l.amount_fen, l.fee_type, l.fee_text, l.reference, l.memo);
        cpu.bare!.push(cpuSecondsSince(start));
      } finally {
        db.exec('ROLLBACK');
      }
    }
    db.pragma('foreign_keys = ON');
    const perLine = (s: number) => Number(((s * 1e6) / lines.length).toFixed(2));
    const bare = Math.min(...cpu.bare!);
    for (const name of Object.keys(WITHOUT)) {
      const runs = cpu[name]!;
      print({ step: 'store.lines', scale, how: name, rows: lines.length, documents: docs.length,
        cpuMicrosecondsPerLine: { min: perLine(Math.min(...runs)), max: perLine(Math.max(...runs)) },
        baseline: { what: 'bare insert of the same values, one row a statement, into a table of twelve columns', cpuMicrosecondsPerLine: perLine(bare) },
        cpuRatio: Number((Math.min(...runs) / bare).toFixed(2)), rounds, loadAverage: loadavg().map((x) => Number(x.toFixed(2))) });
    }
  } finally {
    db.close();
  }
}
