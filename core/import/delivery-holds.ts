import type { Book } from '../../db/connection.js';
import { holdCheck, pendingByKa } from '../credit/holds.js';
import { UserError } from '../errors.js';
import type { FileImportReport } from './import-report.js';

/**
 * Credit holds while deliveries are imported: a delivery to a KA over its limit or graded D is warned about or
 * refused, per the book's setting; each KA and date is checked once per file.
 */
export function deliveryHolds(book: Book, file: string, report: FileImportReport) {
  const holds = new Map<string, ReturnType<typeof holdCheck>>();
  let pending: Map<number, number> | undefined;
  const pendingOnce = () => (pending ??= pendingByKa(book));
  return (row: number, kaAccountId: number | null | undefined, date: string) => {
    if (!kaAccountId) return;
    const key = `${kaAccountId}|${date}`;
    let verdict = holds.get(key);
    if (!verdict) {
      verdict = holdCheck(book, kaAccountId, date, pendingOnce);
      holds.set(key, verdict);
    }
    if (verdict.level === 'block') throw new UserError('credit.held', { reasons: verdict.reasons }, { file, row });
    if (verdict.level === 'warn' && report.warnings.length < 1000) report.warnings.push({ file, row, reason: { code: 'credit.warned', params: { reasons: verdict.reasons } } });
  };
}
