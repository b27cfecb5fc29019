/**
 * Issue 15's check of a Chinese screen or document: every Latin-letter word must be something an accountant reads
 * as it is — a code (RTM, D01, A021, HT-RTM-2025), a document or order number (YS0903A021, RT2610…), a SKU, a date
 * placeholder, a unit — or a proper name on the list below. Anything else is English that escaped the catalog.
 */
const PROPER_NAMES = new Set([
  'ka-settle', 'KA', 'SKU', 'DM', 'PO', 'Excel', 'PDF', 'CSV', 'xlsx', 'xls', 'csv', 'txt', 'json', 'htm', 'html', 'SHA-256', 'English', 'WPS', 'YYYY-MM-DD', 'YYYY-MM',
  'KA_SETTLE_BROWSER', 'KA_SETTLE_PASSWORD', 'Chromium', 'Chrome', 'Edge', 'Ctrl', 'Alt', 'Shift', 'Esc', 'Enter', 'Tab', 'F6', 'demo',
  // Walmart's supplier portal, named so in its KAs' fee wording
  'Retail', 'Link',
  // the column names of 金蝶 KIS's voucher exchange format, shown as the layout names them
  'FDATE', 'FHANDLER',
]);
const UNITS = new Set(['kg', 'g', 'ml', 'L', 'KB', 'MB', 'cm', 'mm']);

/** The words of a text that are neither Chinese nor allowed. */
export function strayLatinWords(text: string): string[] {
  const out = new Set<string>();
  // A signed statement's verification mark is a machine-readable code, ASCII by design (core/statement/verification-mark.ts).
  const words = text.replace(/KA-SETTLE-VERIFY\|[\s\S]*?\|END/g, ' ');
  for (const m of words.matchAll(/[A-Za-z][A-Za-z0-9_.\-/:]*/g)) {
    const word = m[0].replace(/[.:/-]+$/, '');
    if (!word) continue;
    if (PROPER_NAMES.has(word) || UNITS.has(word)) continue;
    // codes, numbers and keys carry digits (D01, YS0903A021, P001, 6901234500017, FY202610-RTM-D01-1)
    if (/\d/.test(word)) continue;
    // KA and system codes are short capitals (RTM, CRF, MET, WMT, YH, M, D), hashes are hex with digits (caught above)
    if (/^[A-Z]{1,6}([-_][A-Z0-9]+)*$/.test(word)) continue;
    // a file name the user gave (扣款通知.txt) or a path
    if (/\.(csv|xlsx|xls|txt|json|pdf|kasettle)$/i.test(word)) continue;
    out.add(word);
  }
  return [...out];
}
