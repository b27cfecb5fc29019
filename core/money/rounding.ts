import { assertInteger, type Fen, type Ppm, type PriceE4, type QtyMilli, PPM_SCALE } from './units.js';

/**
 * Integer division rounded half-up (四舍五入): halves go away from zero, as Excel's ROUND does, so
 * -0.5 fen becomes -1 fen. This is the one rounding step of the ledger; every other computation on money is
 * exact integer arithmetic.
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${what} is too large to hold exactly: ${value}`);
  }
  return Number(value);
}

/**
 * Amount of a line: quantity (thousandths) × unit price (1/10,000 yuan), rounded half-up to the fen at the line.
 * qty/1,000 × price/10,000 yuan = qty × price / 100,000 fen.
 */
export function lineAmount(qty: QtyMilli, price: PriceE4): Fen {
  assertInteger(qty, 'quantity');
  assertInteger(price, 'price');
  const product = qty * price;
  // Fast path for the usual magnitudes: the product is exact while it stays a safe integer.
  if (Number.isSafeInteger(product)) {
    const sign = product < 0 ? -1 : 1;
    const magnitude = Math.abs(product);
    const whole = Math.floor(magnitude / 100_000);
    const rest = magnitude - whole * 100_000;
    return sign * (rest >= 50_000 ? whole + 1 : whole) || 0;
  }
  return toSafeNumber(divideHalfUp(BigInt(qty) * BigInt(price), 100_000n), 'line amount');
}

/** base × rate, rate in parts per million, rounded half-up to the fen. */
export function applyRate(base: Fen, rate: Ppm): Fen {
  assertInteger(base, 'base amount');
  assertInteger(rate, 'rate');
  return toSafeNumber(divideHalfUp(BigInt(base) * BigInt(rate), BigInt(PPM_SCALE)), 'rated amount');
}

/** Exact sum of fen amounts; throws instead of losing precision. */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0;
  for (const a of amounts) {
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('sum of amounts is too large to hold exactly');
  }
  return total;
}

/**
 * Split an amount by shares (e.g. manufacturer 60 % / distributor 40 %) so the parts add up exactly to the
 * whole: each part is rounded half-up and the last part takes the remainder.
 */
export function splitByShares(total: Fen, shares: readonly Ppm[]): Fen[] {
  assertInteger(total, 'amount');
  const whole = shares.reduce((a, b) => a + b, 0);
  if (whole !== PPM_SCALE) throw new RangeError(`shares must add up to 100 %, got ${whole / 10_000} %`);
  const parts: Fen[] = [];
  let allocated = 0;
  shares.forEach((share, i) => {
    const part = i === shares.length - 1 ? total - allocated : applyRate(total, share);
    parts.push(part);
    allocated += part;
  });
  return parts;
}
