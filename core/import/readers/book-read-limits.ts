import type { Book } from '../../../db/connection.js';
import { getSettingJson } from '../../../db/queries/settings.js';
import { SETTING_SCHEMAS, type SettingKey } from '../../settings/book-settings.js';
import { DEFAULT_READ_LIMITS, MEBIBYTE, type ReadLimits } from './read-limits.js';

function setting(book: Book, key: SettingKey): number | undefined {
  const raw = getSettingJson(book, key);
  if (raw === undefined) return undefined;
  const parsed = SETTING_SCHEMAS[key].safeParse(JSON.parse(raw));
  return parsed.success && typeof parsed.data === 'number' ? parsed.data : undefined;
}

/** The limits in force for files imported into this book: its settings where it has them, else the defaults. */
export function bookReadLimits(book: Book): ReadLimits {
  const mb = setting(book, 'import.max_uncompressed_mb');
  return {
    maxUncompressedBytes: mb !== undefined ? mb * MEBIBYTE : DEFAULT_READ_LIMITS.maxUncompressedBytes,
    maxRows: setting(book, 'import.max_rows') ?? DEFAULT_READ_LIMITS.maxRows,
    maxColumns: setting(book, 'import.max_columns') ?? DEFAULT_READ_LIMITS.maxColumns,
    maxCellChars: setting(book, 'import.max_cell_chars') ?? DEFAULT_READ_LIMITS.maxCellChars,
  };
}
