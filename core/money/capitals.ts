import { assertInteger, type Fen } from './units.js';

/**
 * Amount in Chinese capitals (大写金额) as written on cheques and settlement statements, following the
 * People's Bank rules (《支付结算办法》): 壹万贰仟叁佰肆拾伍元陆角柒分.
 * - a run of zeros inside the yuan is read as one 零, also when it falls on the 万 digit (壹拾万零柒仟元; the
 *   rules accept this form and 壹拾万柒仟元 alike), zeros at the end of the yuan are silent;
 * - a zero in the yuan digit before jiao is not written (壹仟陆佰捌拾元叁角贰分, also an accepted form);
 * - 整 follows 元 when there are neither jiao nor fen (壹佰元整), and nothing follows 分;
 * - with fen but no jiao, 零 stands for the missing jiao (壹元零伍分);
 * - below one yuan the yuan part is left out (伍角陆分);
 * - a negative amount is prefixed with 负.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

function yuanInCapitals(yuan: string): string {
  let out = '';
  let zeroPending = false;
  const length = yuan.length;
  for (let i = 0; i < length; i++) {
    const digit = Number(yuan[i]);
    const position = length - 1 - i;
    const unit = position % 4;
    const group = Math.floor(position / 4);
    if (digit === 0) {
      if (out !== '') zeroPending = true;
    } else {
      if (zeroPending) out += '零';
      zeroPending = false;
      out += DIGITS[digit]! + UNITS[unit]!;
    }
    if (unit === 0 && group > 0) {
      const groupDigits = yuan.slice(Math.max(0, i - 3), i + 1);
      if (/[1-9]/.test(groupDigits)) out += GROUPS[group]!;
    }
  }
  return out;
}

export function amountInCapitals(fen: Fen): string {
  assertInteger(fen, 'amount');
  if (fen === 0) return '零元整';
  const negative = fen < 0;
  const magnitude = Math.abs(fen);
  const yuan = Math.floor(magnitude / 100);
  const jiao = Math.floor((magnitude % 100) / 10);
  const fenDigit = magnitude % 10;

  let out = yuan > 0 ? `${yuanInCapitals(String(yuan))}元` : '';
  if (jiao === 0 && fenDigit === 0) {
    out += '整';
  } else {
    if (jiao > 0) out += `${DIGITS[jiao]}角`;
    else if (yuan > 0) out += '零';
    if (fenDigit > 0) out += `${DIGITS[fenDigit]}分`;
  }
  return negative ? `负${out}` : out;
}
