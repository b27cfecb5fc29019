/**
 * The units of the ledger. Everything is an integer; nothing that holds money is ever a float.
 * - Fen (分): money, 1/100 yuan.
 * - PriceE4: unit prices in 1/10,000 yuan (supply prices such as 6.4235 occur in KA price lists).
 * - QtyMilli: quantities in thousandths of the unit (weighed goods, part cases).
 * - Ppm: rates in parts per million (2.5 % = 25,000), for fee points, rebate rates and VAT.
 */
export type Fen = number;
export type PriceE4 = number;
export type QtyMilli = number;
export type Ppm = number;

export const FEN_PER_YUAN = 100;
export const PRICE_SCALE = 10_000;
export const QTY_SCALE = 1_000;
export const PPM_SCALE = 1_000_000;

export function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${value}`);
  }
}
