import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * A hash of the reconciliation results, so a speed change can be shown to leave them identical: every column of
 * every delivery and receipt result row (of one period, or of the whole book), in line order, plus whatever summary
 * the caller adds (the month's reconcile summary). The expected hashes were recorded on the bench's large book on main
 * 056fc82, before the second round of speed work of issue 18 (bench/results-hash.json), and each run compares with them.
 */
export function resultsHash(db: Database.Database, period: string | null, extra?: unknown): { hash: string; rows: number } {
  const h = createHash('sha256');
  let rows = 0;
  for (const table of ['recon_delivery_lines', 'recon_receipt_lines']) {
    h.update(`${table}\n`);
    const stmt = db.prepare(`SELECT * FROM ${table} WHERE (? IS NULL OR period = ?) ORDER BY line_id`).raw(true);
    for (const row of stmt.iterate(period, period) as Iterable<unknown[]>) {
      h.update(JSON.stringify(row));
      h.update('\n');
      rows++;
    }
  }
  if (extra !== undefined) h.update(JSON.stringify(extra));
  return { hash: h.digest('hex'), rows };
}

const FILE = new URL('../../bench/results-hash.json', import.meta.url);

type Recorded = Record<string, { hash: string; rows: number; recorded: string }>;

/** Compares with the recorded hash of this key; records it when there is none yet (or when asked to). */
export function compareResults(key: string, got: { hash: string; rows: number }, record: boolean): { key: string; rows: number; hash: string; expected: string | null; identical: boolean | null } {
  const recorded: Recorded = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Recorded) : {};
  const before = recorded[key];
  if (!before || record) {
    recorded[key] = { ...got, recorded: new Date().toISOString() };
    writeFileSync(FILE, `${JSON.stringify(recorded, null, 2)}\n`);
  }
  return { key, rows: got.rows, hash: got.hash, expected: before?.hash ?? null, identical: before ? before.hash === got.hash && before.rows === got.rows : null };
}
