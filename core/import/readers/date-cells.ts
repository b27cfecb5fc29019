/**
 * Spreadsheets store dates as numbers (days since 1899-12-30, or since 1904-01-01 in a 1904 workbook) and say by
 * the cell's number format that the number is a date. These are the formats Excel, WPS and LibreOffice mean as
 * dates: the built-in ones (including the Chinese 年/月/日 ones, 27–36 and 50–58) and any custom format whose
 * code, outside quoted text and [colour] brackets, holds a day, month, year, hour or second.
 */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

const formatMemo = new Map<string, boolean>();

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATE_FORMATS.has(id);
  const known = formatMemo.get(code);
  if (known !== undefined) return known;
  // Only the positive section decides; quoted text, escapes, [Red]/[$-804] and fill/padding characters are not codes.
  const first = code.split(';')[0] ?? '';
  const bare = first.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?![hms]+\])[^\]]*\]/gi, '').replace(/[_*]./g, '');
  const isDate = !/^general$/i.test(bare.trim()) && /[dmyhse]|\[[hms]+\]/i.test(bare) && !/[0#?]/.test(bare.replace(/\.0+/g, ''));
  if (formatMemo.size < 1_000) formatMemo.set(code, isDate);
  return isDate;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, the last day a spreadsheet can show. */
const LAST_SERIAL = 2_958_465;

/**
 * A date-formatted number as a date (UTC midnight plus the time of day), or undefined when the number is no day a
 * spreadsheet can show (negative, beyond 9999-12-31, not finite): it then stays a number, and the date field that
 * reads it refuses it by row and column.
 */
export function serialToDate(serial: number, date1904: boolean): Date | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= LAST_SERIAL + 1 - (date1904 ? 1462 : 0)) return undefined;
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * DAY_MS));
}
