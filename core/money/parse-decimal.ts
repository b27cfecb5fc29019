import type { MessageCode } from '../../locale/index.js';
import type { NumberKind } from '../../vocabulary/index.js';
import { UserError, type ErrorPlace } from '../errors.js';

/**
 * Reads a number as it appears in Chinese spreadsheets and portal exports into an integer at a fixed scale
 * (scale 2 for fen, 4 for prices, 3 for quantities). Accepted: thousands separators ("1,234.50", "1，234"),
 * currency marks ("¥1,234.5", "￥", "RMB", "12.5元"), full-width digits ("１２３．５"), signs ("-12", "+12",
 * "12-" as some ERPs write credits), accounting negatives "(12.00)" / "（12.00）", and 万 as ×10,000
 * ("1.5万"). Anything else is refused with a message saying what was wrong, never guessed.
 */
export interface DecimalOptions {
  /** digits after the point kept exactly: 2 for fen, 4 for 1/10,000 yuan, 3 for thousandths */
  scale: number;
  /** the kind of value, for messages: amount, price, quantity, rate */
  what: NumberKind;
  place?: ErrorPlace;
}

const FULL_WIDTH: Record<string, string> = {
  '０': '0', '１': '1', '２': '2', '３': '3', '４': '4', '５': '5', '６': '6', '７': '7', '８': '8', '９': '9',
  '．': '.', '，': ',', '－': '-', '＋': '+', '（': '(', '）': ')', '　': ' ', '−': '-',
};

function normaliseWidth(text: string): string {
  let out = '';
  for (const ch of text) out += FULL_WIDTH[ch] ?? ch;
  return out;
}

const GROUPED = /^\d{1,3}(,\d{3})+$/;
const PLAIN = /^\d+$/;

const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

/**
 * The common case, read without regular expressions or BigInt: ASCII digits with an optional leading minus and one
 * point, nothing else, whose scaled value has at most 15 digits (exact in a double). Anything else, including every
 * text that is refused, returns undefined and takes the full reading below, so both give the same number.
 */
export function plainDecimal(text: string, scale: number): number | undefined {
  const n = text.length;
  if (n === 0 || n > 16 || scale >= POWERS_OF_TEN.length) return undefined;
  let i = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const negative = i === 1;
  let whole = 0;
  let wholeDigits = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    wholeDigits++;
  }
  if (wholeDigits === 0) return undefined;
  let fraction = 0;
  let kept = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46 /* . */) return undefined;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return undefined;
      if (kept < scale) {
        fraction = fraction * 10 + c;
        kept++;
      } else if (c !== 0) return undefined; // more places than the scale: the full reading says so
    }
  }
  if (wholeDigits + scale > 15) return undefined;
  const value = whole * POWERS_OF_TEN[scale]! + fraction * POWERS_OF_TEN[scale - kept]!;
  return value === 0 ? 0 : negative ? -value : value;
}

export function parseDecimal(raw: string, options: DecimalOptions): number {
  return plainDecimal(raw, options.scale) ?? parseDecimalText(raw, options);
}

/** The full reading of every form above (exported so a test can hold the fast path to it). */
export function parseDecimalText(raw: string, options: DecimalOptions): number {
  const { scale, what, place } = options;
  const fail = (why: Extract<MessageCode, `import.${string}`>): never => {
    throw new UserError(why, { what, raw, scale }, place);
  };
  let text = normaliseWidth(raw).trim();
  if (text === '') fail('import.number-empty');

  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1]!.trim();
  }
  text = text.replace(/^(RMB|CNY)\s*/i, '').replace(/^[¥￥]\s*/, '');
  let sign = /^([+-])\s*/.exec(text);
  if (sign) {
    if (sign[1] === '-') negative = !negative;
    text = text.slice(sign[0].length);
  }
  text = text.replace(/^[¥￥]\s*/, '');
  text = text.replace(/\s*(元|RMB|CNY)$/i, '');
  let tenThousands = false;
  if (text.endsWith('万')) {
    tenThousands = true;
    text = text.slice(0, -1).trim();
  }
  sign = /\s*-$/.exec(text);
  if (sign && !paren) {
    negative = !negative;
    text = text.slice(0, -sign[0].length);
  }

  const [intPart = '', fracPart, ...extra] = text.split('.');
  if (extra.length > 0) fail('import.two-points');
  if (intPart === '' && (fracPart === undefined || fracPart === '')) fail('import.no-digits');
  let digits: string;
  if (intPart === '') digits = '0';
  else if (PLAIN.test(intPart)) digits = intPart;
  else if (GROUPED.test(intPart)) digits = intPart.replace(/,/g, '');
  else if (/,/.test(intPart) && /^[\d,]+$/.test(intPart)) return fail('import.misplaced-separators');
  else return fail('import.not-a-number');
  const fraction = fracPart ?? '';
  if (!/^\d*$/.test(fraction)) fail('import.not-a-number');

  const effectiveScale = scale + (tenThousands ? 4 : 0);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > effectiveScale) {
    fail('import.too-many-decimals');
  }
  // 万 moves the point four places right: it is folded into the scale above.
  const scaled = BigInt(digits + fraction.padEnd(effectiveScale, '0').slice(0, effectiveScale));
  const result = Number(scaled) * (negative ? -1 : 1);
  if (!Number.isSafeInteger(result)) fail('import.too-large');
  return result === 0 ? 0 : result;
}
