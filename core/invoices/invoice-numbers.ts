import { UserError, type ErrorPlace } from '../errors.js';

const DIGITAL = /^\d{20}$/;
const OLD_NUMBER = /^\d{8}$/;
const CODE = /^\d{10}(\d{2})?$/;

/** The invoice's identity in the book (its natural key and the number people read): the 数电 number, else code + number. */
export function invoiceKey(code: string | null | undefined, number: string): string {
  return code ? `${code}-${number}` : number;
}

/** Checks the number and code an invoice bears; returns them cleaned of spaces. */
export function checkInvoiceNumber(codeText: string | null | undefined, numberText: string, place: ErrorPlace): { code: string | null; number: string } {
  const number = numberText.replace(/\s+/g, '');
  const code = codeText ? codeText.replace(/\s+/g, '') : null;
  if (DIGITAL.test(number) && !code) return { code: null, number };
  if (code && !CODE.test(code)) throw new UserError('invoices.code-invalid', { code }, place);
  // A paper 数电票 carries a code and number as well as its 20-digit number; the 20 digits are its identity.
  if (DIGITAL.test(number)) return { code: null, number };
  if (code && OLD_NUMBER.test(number)) return { code, number };
  throw new UserError('invoices.number-invalid', { number }, place);
}

/** 被红冲蓝字数电票号码：…, 对应正数发票代码:… 号码:…: the blue invoice a red one names in its remark. */
export function originalFromRemark(remark: string | null | undefined): { number: string | null; confirmation: string | null } {
  if (!remark) return { number: null, confirmation: null };
  const digital = /被红冲蓝字(?:数电)?(?:发票)?(?:号码|票号码)[:：\s]*(\d{20})/.exec(remark) ?? /蓝字(?:数电)?(?:发票)?号码[:：\s]*(\d{20})/.exec(remark);
  const old = /对应正数发票代码[:：\s]*(\d{10,12})\s*号码[:：\s]*(\d{8})/.exec(remark);
  const confirmation = /(?:红字发票信息确认单编号|红字确认单编号|信息表编号)[:：\s]*(\d{10,24})/.exec(remark);
  return {
    number: digital ? digital[1]! : old ? invoiceKey(old[1], old[2]!) : null,
    confirmation: confirmation ? confirmation[1]! : null,
  };
}
