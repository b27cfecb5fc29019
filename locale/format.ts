/**
 * Numbers as people read them, for every place that shows one: the window, the command, the PDF and the xlsx.
 * Integer arithmetic on the book's units only (fen, 1/10,000 yuan, thousandths, parts per million): a value never
 * passes through a float on its way to the screen.
 */
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
export function formatFen(fen: number, options: { grouped?: boolean } = {}): string {
  return formatScaled(fen, 2, 2, options.grouped ?? true);
}

/** 123456 → "¥1,234.56"; -123456 → "-¥1,234.56". */
export function formatYuan(fen: number): string {
  return fen < 0 ? `-¥${formatFen(-fen)}` : `¥${formatFen(fen)}`;
}

/** A unit price in 1/10,000 yuan: 64000 → "6.40"; 64235 → "6.4235". */
export function formatPrice(price: number): string {
  return formatScaled(price, 4, 2, false);
}

/** A quantity in thousandths: 12000 → "12"; 12500 → "12.5". */
export function formatQuantity(qty: number): string {
  return formatScaled(qty, 3, 0, false);
}

/** A rate in parts per million: 25000 → "2.5%". */
export function formatRate(rate: number): string {
  return `${formatScaled(rate, 4, 0, false)}%`;
}
