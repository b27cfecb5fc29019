import { UserError, type ErrorPlace } from '../errors.js';
import { parseRate } from '../money/parse.js';
import type { InvoiceStatus, InvoiceType } from '../../vocabulary/index.js';

/**
 * The words the e-tax portal writes in its 全量发票查询 export and on a 数电票, read into the book's vocabulary. 已红冲
 * and 部分红冲 are valid blue invoices (the red one that reverses them is an invoice of its own); 已作废 is void.
 */
export function invoiceStatusOf(text: string | undefined, place: ErrorPlace): InvoiceStatus {
  const t = (text ?? '').trim();
  if (t === '' || t === '正常' || t === '已红冲' || t === '部分红冲' || t === '全额红冲' || t === '红冲发票待确认' || t === '已开具') return 'valid';
  if (t === '作废' || t === '已作废' || t === '作废发票') return 'void';
  throw new UserError('invoices.status-unknown', { status: t }, place);
}

export function invoiceTypeOf(text: string | undefined, place: ErrorPlace): InvoiceType {
  const t = (text ?? '').replace(/\s+/g, '').replace(/[()]/g, (c) => (c === '(' ? '（' : '）'));
  if (t === '' || /数电.*专用|全电.*专用|电子发票（增值税专用发票）/.test(t)) return t === '' ? 'digital_special' : 'digital_special';
  if (/数电.*普通|全电.*普通|电子发票（普通发票）/.test(t)) return 'digital_normal';
  if (/专用发票|专票/.test(t)) return 'special';
  if (/普通发票|普票/.test(t)) return 'normal';
  throw new UserError('invoices.kind-unknown', { kind: text ?? '' }, place);
}

/** 是 / 否 (and Y / N, which some exports write). */
export function yesNo(text: string | undefined, place: ErrorPlace): boolean | undefined {
  const t = (text ?? '').trim();
  if (t === '') return undefined;
  if (t === '是' || /^y(es)?$/i.test(t)) return true;
  if (t === '否' || /^no?$/i.test(t)) return false;
  throw new UserError('invoices.yes-no', { value: t }, place);
}

/** 13%, 0.13, 13 (percent), 免税 and 不征税 (no tax) as ppm. */
export function taxRateOf(text: string, place: ErrorPlace): number {
  const t = text.trim();
  if (t === '免税' || t === '不征税' || t === '***' || t === '0') return 0;
  let rate: number;
  try {
    rate = parseRate(t, place);
  } catch {
    throw new UserError('invoices.rate-invalid', { rate: t }, place);
  }
  // A bare 13 is a percentage, as the portal's detail export writes it.
  if (!/[%％]$/.test(t) && rate > 1_000_000) rate = rate / 100;
  if (!Number.isInteger(rate) || rate < 0 || rate > 1_000_000) throw new UserError('invoices.rate-invalid', { rate: t }, place);
  return rate;
}
