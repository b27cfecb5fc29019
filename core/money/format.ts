import type { Fen, PriceE4, QtyMilli, Ppm } from './units.js';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatScaled(value: number, scale: number, keep: number, grouped: boolean): string {
  const negative = value < 0;
  const digits = Math.abs(value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  // Trailing zeros beyond `keep` places carry no information (a price 6.4000 reads 6.40).
  while (fraction.length > keep && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const body = (grouped ? groupThousands(whole) : whole) + (fraction ? `.${fraction}` : '');
  return negative ? `-${body}` : body;
}

/** 123456 → "1,234.56"; -5 → "-0.05". */
export function formatFen(fen: Fen, options: { grouped?: boolean } = {}): string {
  return formatScaled(fen, 2, 2, options.grouped ?? true);
}

/** 123456 → "¥1,234.56"; -123456 → "-¥1,234.56". */
export function formatYuan(fen: Fen): string {
  return fen < 0 ? `-¥${formatFen(-fen)}` : `¥${formatFen(fen)}`;
}

/** 64000 → "6.40"; 64235 → "6.4235". */
export function formatPrice(price: PriceE4): string {
  return formatScaled(price, 4, 2, false);
}

/** 12000 → "12"; 12500 → "12.5". */
export function formatQuantity(qty: QtyMilli): string {
  return formatScaled(qty, 3, 0, false);
}

/** 25000 → "2.5%". */
export function formatRate(rate: Ppm): string {
  return `${formatScaled(rate, 4, 0, false)}%`;
}
