import { formatFen as fenDigits, formatYuan } from '../../locale/format.js';

/**
 * Money on screen: integer fen shown as ¥1,234.56 (negative: -¥1,234.56, drawn red by the Money component),
 * formatted by locale/ as everywhere else.
 */
export function formatFen(fen: number, options: { symbol?: boolean } = {}): string {
  return options.symbol === false ? fenDigits(fen) : formatYuan(fen);
}

/** Quantities are kept in thousandths: 12500 → 12.5. */
export function formatQty(milli: number): string {
  const negative = milli < 0;
  const abs = Math.abs(milli);
  const whole = Math.trunc(abs / 1000).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Prices are kept in 1/10,000 yuan: 123456 → 12.3456, shown with at least two decimals. */
export function formatPrice(e4: number | null): string {
  if (e4 === null) return '';
  const negative = e4 < 0;
  const abs = Math.abs(e4);
  const whole = Math.trunc(abs / 10_000).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let frac = String(abs % 10_000).padStart(4, '0');
  while (frac.length > 2 && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${negative ? '-' : ''}${whole}.${frac}`;
}
