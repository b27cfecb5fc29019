/** Money: integer fen, prices in 1/10,000 yuan, quantities in thousandths; half-up rounding at the line. */
export * from './units.js';
export * from './rounding.js';
export * from './parse.js';
export * from './parse-decimal.js';
export * from './format.js';
export * from './capitals.js';
