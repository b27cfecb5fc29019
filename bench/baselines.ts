import Database from 'better-sqlite3';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { measure, type Measurement } from './measure.js';

/**
 * The bare-SQLite limits each step is compared with: what better-sqlite3 does with no ledger around it, on the
 * same machine in the same run.
 */

/** n rows of a 10-column line table, one prepared insert, one transaction, WAL + synchronous=NORMAL. */
export function bareInsert(dir: string, n: number): Measurement {
  const path = join(dir, 'baseline-insert.sqlite');
  rmSync(path, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE lines (id INTEGER PRIMARY KEY, doc INTEGER, line_no INTEGER, store INTEGER, product INTEGER,
    order_no TEXT, qty INTEGER, price INTEGER, amount INTEGER, memo TEXT)`);
  const insert = db.prepare('INSERT INTO lines (doc, line_no, store, product, order_no, qty, price, amount, memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const m = measure(() => {
    db.transaction(() => {
      for (let i = 0; i < n; i++) insert.run(i >> 4, i & 15, i % 128, i % 171, `PO${i >> 4}`, 24_000, 64_000, 153_600, null);
    })();
    return n;
  });
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  return m;
}

/**
 * The file itself loaded by bare better-sqlite3 (the "bare better-sqlite3 load"): read and decoded as UTF-8,
 * split into rows and cells (quotes stripped, no quoted commas: the bench's files have none), its three decimal columns
 * read to integers, each row inserted into a plain 9-column table, one prepared insert, one transaction. Beside
 * bareInsert (values already in memory), it is the floor an import of the same file is compared with.
 */
export function bareCsvLoad(dir: string, file: string): Measurement {
  const path = join(dir, 'baseline-load.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE lines (doc TEXT, date TEXT, po TEXT, ka TEXT, store TEXT, sku TEXT, qty INTEGER, price INTEGER, amount INTEGER)');
  const insert = db.prepare('INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const m = measure(() => {
    const rows = readFileSync(file, 'utf8').split('\n');
    let n = 0;
    db.transaction(() => {
      for (let i = 1; i < rows.length; i++) {
        const c = rows[i]!.replaceAll('"', '').split(',');
        if (c.length < 9) continue;
        insert.run(c[0], c[1], c[2] || null, c[3], c[4], c[5], Math.round(Number(c[6]) * 1000), Math.round(Number(c[7]) * 10_000), Math.round(Number(c[8]) * 100));
        n++;
      }
    })();
    return n;
  });
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  return m;
}

/** A plain aggregate over the entries table, no joins. */
export function bareAggregate(db: Database.Database): Measurement {
  return measure(() => {
    db.prepare('SELECT ka_account_id, account, sum(amount_fen) FROM entries GROUP BY ka_account_id, account').all();
    return (db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;
  });
}

/** SQLite's own integrity check, the floor under `ka-settle check`. */
export function bareIntegrity(db: Database.Database): Measurement {
  return measure(() => {
    db.pragma('integrity_check');
    return (db.prepare('SELECT count(*) AS n FROM document_lines').get() as { n: number }).n;
  });
}

/** One page of a table read straight. */
export function barePage(db: Database.Database): Measurement {
  return measure(() => db.prepare('SELECT * FROM documents ORDER BY id LIMIT 100').all().length);
}

/** The bare join reconciliation rests on: delivery lines to receipt lines by KA, store, order number and product. */
export function bareDeliveryReceiptJoin(db: Database.Database, period?: string): Measurement {
  return measure(() => {
    const row = db.prepare(`SELECT count(*) AS n, sum(rl.qty_milli - dl.qty_milli) AS q FROM documents dd JOIN document_lines dl ON dl.document_id = dd.id
      JOIN document_lines rl ON rl.order_no = dl.order_no AND rl.product_id = dl.product_id
      JOIN documents rd ON rd.id = rl.document_id AND rd.kind = 'receipt' AND rd.ka_account_id = dd.ka_account_id AND rd.store_id = dd.store_id
      WHERE dd.kind = 'delivery' AND (? IS NULL OR dd.period = ?)`).get(period ?? null, period ?? null) as { n: number };
    return row.n;
  });
}

/** The results table read straight: its row count and its first 200 rows in key order. */
export function bareResultsPage(db: Database.Database): Measurement {
  return measure(() => {
    db.prepare('SELECT * FROM recon_delivery_lines ORDER BY line_id LIMIT 200').all();
    return (db.prepare('SELECT count(*) AS n FROM recon_delivery_lines').get() as { n: number }).n;
  });
}

/** A month's entries with their documents read straight, in date order: what vouchers are made from. */
export function bareMonthEntries(db: Database.Database, period: string): Measurement {
  return measure(() => db.prepare(`SELECT d.id, d.doc_no, d.doc_date, e.account, e.amount_fen, e.ka_account_id FROM documents d
    JOIN entries e ON e.document_id = d.id WHERE d.period = ? ORDER BY d.doc_date, d.id, e.line_no`).all(period).length);
}

/** The workbench's unmatched filter read straight: the count of a range's results not matched, and their first 200 rows. */
export function bareUnmatchedPage(db: Database.Database, fromPeriod: string, toPeriod: string): Measurement {
  return measure(() => {
    db.prepare(`SELECT * FROM recon_delivery_lines WHERE period BETWEEN ? AND ? AND status <> 'matched' ORDER BY period, delivery_date, line_id LIMIT 200`).all(fromPeriod, toPeriod);
    return (db.prepare(`SELECT count(*) AS n FROM recon_delivery_lines WHERE period BETWEEN ? AND ? AND status <> 'matched'`).get(fromPeriod, toPeriod) as { n: number }).n;
  });
}

/**
 * What a distributor-month's summary rests on, read straight: its ledger up to the month's end summed by KA and
 * account in one GROUP BY, and its delivery results of the month counted. The summary computes more (ageing per
 * item, the KA statements' differences, invoices, claims) from the same tables.
 */
export function bareStatementAggregate(db: Database.Database, period: string, distributorCode: string): Measurement {
  return measure(() => {
    const { id } = db.prepare('SELECT id FROM distributors WHERE code = ?').get(distributorCode) as { id: number };
    db.prepare(`SELECT ka_account_id, account, sum(amount_fen) FROM entries WHERE distributor_id = ? AND entry_date <= date(? || '-01', '+1 month', '-1 day')
      GROUP BY ka_account_id, account`).all(id, period);
    return (db.prepare(`SELECT count(*) AS n FROM recon_delivery_lines r JOIN document_lines l ON l.id = r.line_id JOIN documents d ON d.id = l.document_id
      WHERE r.period = ? AND d.distributor_id = ?`).get(period, id) as { n: number }).n;
  });
}

/**
 * The bare parts of preparing a month: the bare join of its delivery and receipt lines (what reconciling rests on),
 * the sums accruals are computed from (the month's accepted sales by KA, distributor and product, in one GROUP BY),
 * and for each distributor with activity the reads its frozen statement is made of (its ledger aggregate and its
 * delivery results, every row read). `sum` is their total.
 */
export function bareCloseParts(db: Database.Database, period: string): { join: Measurement; accrualSums: Measurement; statementReads: Measurement; sum: Measurement } {
  const join = bareDeliveryReceiptJoin(db, period);
  const accrualSums = measure(() => db.prepare(`SELECT d.ka_account_id, d.distributor_id, l.product_id, sum(CASE d.kind WHEN 'receipt' THEN l.amount_fen ELSE -l.amount_fen END)
    FROM documents d JOIN document_lines l ON l.document_id = d.id WHERE d.period = ? AND d.kind IN ('receipt', 'return')
    GROUP BY d.ka_account_id, d.distributor_id, l.product_id`).all(period).length);
  const statementReads = measure(() => {
    const parties = db.prepare('SELECT DISTINCT di.id, di.code FROM documents d JOIN distributors di ON di.id = d.distributor_id WHERE d.period = ?').all(period) as { id: number; code: string }[];
    let rows = 0;
    for (const { id, code } of parties) {
      bareStatementAggregate(db, period, code);
      rows += db.prepare(`SELECT r.*, l.qty_milli, d.doc_no FROM recon_delivery_lines r JOIN document_lines l ON l.id = r.line_id JOIN documents d ON d.id = l.document_id
        WHERE r.period = ? AND d.distributor_id = ?`).all(period, id).length;
    }
    return rows;
  });
  const sum = { rows: join.rows, seconds: join.seconds + accrualSums.seconds + statementReads.seconds };
  return { join, accrualSums, statementReads, sum };
}
