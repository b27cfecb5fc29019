import type Database from 'better-sqlite3';
import { loadavg } from 'node:os';
import { bareDeliveryReceiptJoin } from './baselines.js';
import { cpuSecondsSince } from './measure.js';

/**
 * reconcile.results-write (issue 18 point 6: what a month's first run spends on writing its results). The month's
 * stored delivery and receipt results are copied aside, then written again into their tables — as the book is, and
 * without the results' secondary indexes — every time in a transaction that is rolled back (the DDL with
 * it: the book is left as it was). Beside them, the bare join of the month's lines in the same run: writing alone,
 * before any matching, is then read as a multiple of the baseline reconcile.month is held to.
 */
const RESULT_TABLES = ['recon_delivery_lines', 'recon_receipt_lines'] as const;

// The results have had no foreign keys since migration 0020 (the fifth round measured them here: 19 % of the writing).
const WAYS: Record<string, { secondaryIndexes: boolean }> = {
  'as the book is': { secondaryIndexes: true },
  'without the secondary indexes': { secondaryIndexes: false },
};

export function benchResultsWrite(db: Database.Database, scale: string, period: string, rounds: number, print: (line: object) => void): void {
  // The results' own indexes, read from the schema (not listed here, so a new index is measured too).
  const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
    AND tbl_name IN (${RESULT_TABLES.map(() => '?').join(', ')})`).pluck().all(...RESULT_TABLES) as string[];
  const rows = RESULT_TABLES.map((t) => (db.prepare(`SELECT count(*) FROM ${t} WHERE period = ?`).pluck().get(period) as number));
  if (rows[0] === 0) throw new Error(`reconcile.results-write: the book holds no results of ${period} (run --only reconcile first)`);
  const cpu: Record<string, Record<string, number[]>> = {};
  for (const way of Object.keys(WAYS)) cpu[way] = Object.fromEntries(RESULT_TABLES.map((t) => [t, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    for (const [way, how] of Object.entries(WAYS)) {
      db.exec('BEGIN');
      try {
        if (!how.secondaryIndexes) for (const name of indexes) db.exec(`DROP INDEX ${name}`);
        for (const t of RESULT_TABLES) {
          db.exec(`DROP TABLE IF EXISTS temp.bench_${t}`);
          db.prepare(`CREATE TEMP TABLE bench_${t} AS SELECT * FROM ${t} WHERE period = ?`).run(period);
          db.prepare(`DELETE FROM ${t} WHERE period = ?`).run(period);
          const start = process.cpuUsage();
          db.exec(`INSERT INTO ${t} SELECT * FROM bench_${t} ORDER BY line_id`);
          cpu[way]![t]!.push(cpuSecondsSince(start));
        }
      } finally {
        db.exec('ROLLBACK');
      }
    }
  }
  // The least of as many joins as rounds, as the writes are their least.
  const joinCpu = Math.min(...Array.from({ length: rounds }, () => { const j = bareDeliveryReceiptJoin(db, period); return j.cpuSeconds ?? j.seconds; }));
  const s = (x: number) => Number(x.toFixed(3));
  for (const [way, byTable] of Object.entries(cpu)) {
    const least = RESULT_TABLES.map((t) => Math.min(...byTable[t]!));
    const total = least.reduce((a, b) => a + b, 0);
    print({ step: 'reconcile.results-write', scale, period, how: way, rows: { deliveries: rows[0], receipts: rows[1] },
      cpuSeconds: Object.fromEntries(RESULT_TABLES.map((t, i) => [t, { min: s(least[i]!), max: s(Math.max(...byTable[t]!)) }])),
      baseline: { what: 'bare join of the month\'s delivery and receipt lines', cpuSeconds: s(joinCpu) },
      cpuRatio: Number((total / Math.max(joinCpu, 1e-9)).toFixed(2)), rounds, loadAverage: loadavg().map((x) => Number(x.toFixed(2))) });
  }
}
