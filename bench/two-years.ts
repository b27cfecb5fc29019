import { loadavg } from 'node:os';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { openExistingBook } from '../core/book/open-book.js';
import { matchDeliveriesBetween } from '../core/reconcile/match-deliveries.js';
import { reconcileSettings } from '../core/reconcile/settings.js';

/**
 * reconcile.month-two-years (issue 18 point 2): a month's matching must not grow with the age of the book. The
 * large book is copied and given a second, earlier year — every delivery and receipt in force written again a year
 * before with its own order and document numbers — and the same month is matched in both books, alternately,
 * twice each. The ratio of the two is what matters (1 = the older year costs the month nothing).
 */
export async function benchTwoYears(oneYear: string, twoYears: string, scale: string, print: (line: object) => void): Promise<void> {
  if (!existsSync(twoYears)) {
    const part = `${twoYears}.part`;
    rmSync(part, { force: true });
    copyFileSync(oneYear, part);
    const book = await openExistingBook(part);
    const db = book.db;
    book.write(() => {
      const offset = (db.prepare('SELECT max(id) AS m FROM documents').get() as { m: number }).m;
      db.exec(`INSERT OR IGNORE INTO periods (period) SELECT DISTINCT strftime('%Y-%m', date(doc_date, '-1 year')) FROM documents WHERE kind IN ('delivery', 'receipt')`);
      const docs = `SELECT id FROM documents d WHERE kind IN ('delivery', 'receipt') AND version = 1 AND reverses_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM documents x WHERE x.reverses_id = d.id)`;
      db.prepare(`INSERT INTO documents (id, kind, natural_key, version, doc_no, doc_date, period, manufacturer_id, distributor_id, ka_account_id,
          store_id, order_no, reference, method, due_date, total_fen, status, content_hash, reverses_id, batch_id, source_file, source_row, memo,
          created_by, created_at)
        SELECT id + @offset, kind, 'Y-1|' || natural_key, 1, 'Y-1' || doc_no, date(doc_date, '-1 year'), strftime('%Y-%m', date(doc_date, '-1 year')),
          manufacturer_id, distributor_id, ka_account_id, store_id, 'Y-1' || order_no, reference, method, date(due_date, '-1 year'), total_fen,
          status, content_hash, NULL, batch_id, source_file, source_row, memo, created_by, created_at
        FROM documents WHERE id IN (${docs})`).run({ offset });
      db.prepare(`INSERT INTO document_lines (document_id, line_no, store_id, product_id, order_no, qty_milli, price_e4, amount_fen, fee_type,
          fee_text, reference, memo)
        SELECT document_id + @offset, line_no, store_id, product_id, 'Y-1' || order_no, qty_milli, price_e4, amount_fen, fee_type, fee_text, reference, memo
        FROM document_lines WHERE document_id IN (${docs})`).run({ offset });
    });
    book.close();
    renameSync(part, twoYears);
  }
  const times: Record<string, number[]> = { one: [], two: [] };
  const cpu: Record<string, number[]> = { one: [], two: [] };
  for (let round = 0; round < 2; round++) {
    for (const [which, path] of [['one', oneYear], ['two', twoYears]] as const) {
      const book = await openExistingBook(path);
      try {
        const settings = reconcileSettings(book);
        const start = process.hrtime.bigint();
        const cpuStart = process.cpuUsage();
        book.write(() => matchDeliveriesBetween(book, '2026-06', '2026-06', null, settings, '2026-11-27'));
        const used = process.cpuUsage(cpuStart);
        times[which]!.push(Number(process.hrtime.bigint() - start) / 1e9);
        cpu[which]!.push((used.user + used.system) / 1e6);
      } finally {
        book.close();
      }
    }
  }
  const best = (xs: number[]) => Math.min(...xs);
  print({ step: 'reconcile.month-two-years', scale, oneYearSeconds: times.one!.map((x) => Number(x.toFixed(3))), twoYearsSeconds: times.two!.map((x) => Number(x.toFixed(3))),
    oneYearCpuSeconds: cpu.one!.map((x) => Number(x.toFixed(3))), twoYearsCpuSeconds: cpu.two!.map((x) => Number(x.toFixed(3))),
    ratio: Number((best(times.two!) / best(times.one!)).toFixed(2)), cpuRatio: Number((best(cpu.two!) / best(cpu.one!)).toFixed(2)),
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))), what: 'matching of 2026-06 in the book with a second, earlier year ÷ the same in the one-year book (best of two each)' });
}
