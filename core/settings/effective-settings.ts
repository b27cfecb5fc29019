import type { Book } from '../../db/connection.js';
import { getSettingJson } from '../../db/queries/settings.js';
import { ageingBuckets } from '../credit/ageing-buckets.js';
import { gradingRules } from '../credit/grades.js';
import { holdMode } from '../credit/holds.js';
import { reconcileSettings } from '../reconcile/settings.js';
import { accrualBasis } from '../terms/rebate-accrual.js';
import { bookReadLimits } from '../import/readers/book-read-limits.js';
import { MEBIBYTE } from '../import/readers/read-limits.js';
import { RELAXED_SETTING } from '../users/users.js';
import { SETTING_SCHEMAS } from './book-settings.js';

/** How many backups are kept beside a book unless the book says otherwise. */
export const DEFAULT_BACKUPS_KEPT = 20;

export function backupsKept(book: Book): number {
  const raw = getSettingJson(book, 'backup.keep_last');
  const parsed = raw === undefined ? undefined : SETTING_SCHEMAS['backup.keep_last'].safeParse(JSON.parse(raw));
  return parsed?.success ? parsed.data : DEFAULT_BACKUPS_KEPT;
}

/** Every setting the window shows, with the value in force (the default where the book has none). */
export function effectiveSettings(book: Book): Record<string, unknown> {
  const r = reconcileSettings(book);
  return {
    'reconcile.amount_tolerance_fen': r.amountToleranceFen,
    'reconcile.window_days': r.windowDays,
    'terms.rebate_accrual_basis': accrualBasis(book),
    'credit.ageing_buckets_days': ageingBuckets(book),
    'credit.hold_mode': holdMode(book),
    'credit.grading': gradingRules(book),
    'backup.keep_last': backupsKept(book),
    ...(() => {
      const limits = bookReadLimits(book);
      return {
        'import.max_uncompressed_mb': Math.floor(limits.maxUncompressedBytes / MEBIBYTE),
        'import.max_rows': limits.maxRows,
        'import.max_columns': limits.maxColumns,
        'import.max_cell_chars': limits.maxCellChars,
      };
    })(),
    [RELAXED_SETTING]: getSettingJson(book, RELAXED_SETTING) === 'true',
  };
}
