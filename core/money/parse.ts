import type { ErrorPlace } from '../errors.js';
import { parseDecimal } from './parse-decimal.js';
import type { Fen, Ppm, PriceE4, QtyMilli } from './units.js';

/** "1,234.50" → 123450 fen. */
export function parseAmount(text: string, place?: ErrorPlace): Fen {
  return parseDecimal(text, { scale: 2, what: 'amount', place });
}

/** "6.4235" → 64235 (1/10,000 yuan). */
export function parsePrice(text: string, place?: ErrorPlace): PriceE4 {
  return parseDecimal(text, { scale: 4, what: 'price', place });
}

/** "12.5" → 12500 (thousandths). */
export function parseQuantity(text: string, place?: ErrorPlace): QtyMilli {
  return parseDecimal(text, { scale: 3, what: 'quantity', place });
}

/** "13%" or "0.13" → 130000 ppm; "2.5%" → 25000. */
export function parseRate(text: string, place?: ErrorPlace): Ppm {
  const trimmed = text.trim().replace(/[％%]$/, '');
  if (trimmed !== text.trim()) return parseDecimal(trimmed, { scale: 4, what: 'rate', place });
  return parseDecimal(trimmed, { scale: 6, what: 'rate', place });
}
