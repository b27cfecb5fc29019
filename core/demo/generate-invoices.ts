import { addDays, addMonths, periodOf } from '../calendar/dates.js';
import type { InvoiceDraft } from '../invoices/invoice-draft.js';
import { recordInvoiceBatch } from '../invoices/record-batch.js';
import { InvoiceRecorder } from '../invoices/record-invoice.js';
import { autoLinkInvoices } from '../invoices/auto-link.js';
import { invoiceDocumentByNumber } from '../../db/queries/invoice-targets.js';
import { DISTRIBUTORS, KA_ACCOUNTS } from './catalog.js';
import { demoTaxId } from './build-master-data.js';
import { inject, type DemoContext } from './facts.js';

/** How often the demo's invoicing goes wrong, each case recorded in demo_injections for the match to find. */
const NOISE = { receiptLeftOut: 0.06, amountOff: 0.04, redNotIssued: 0.12, voidedReissued: 0.03 };

/** A 数电票 number: 20 digits, the year's two digits after the region code, then a serial. */
const numberOf = (date: string, serial: number) => `2631${date.slice(2, 4)}${String(serial).padStart(14, '0')}`;

function split(gross: number): { net: number; tax: number } {
  const net = Math.round((gross * 100) / 113);
  return { net, tax: gross - net };
}

/**
 * 发票: each distributor invoices each KA month by month, early the next month, for the month's receipts less its
 * 票扣 (named in the 备注 so the KA — and the book — can match it), and issues one red-letter invoice for the month's
 * returns naming the blue one. Some invoices leave a receipt out, some are off by an amount, some months get no
 * red-letter invoice, and some invoices are voided and issued again the next day: each is injected truth.
 */
export function generateInvoices(ctx: DemoContext, batchId: number): void {
  const { world, facts, rnd, book, poster } = ctx;
  const byMonth = <T extends { ka: number; distributorId: number; date: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const k = `${x.ka}|${x.distributorId}|${periodOf(x.date)}`;
      m.set(k, [...(m.get(k) ?? []), x]);
    }
    return m;
  };
  const receipts = byMonth(facts.receipts);
  const returns = byMonth(facts.returns);
  const tickets = byMonth(facts.deductions.filter((d) => d.method === 'invoice'));
  const drafts: InvoiceDraft[] = [];
  const voids: { number: string; date: string }[] = [];
  let serial = 0;
  const months = [...new Set([...receipts.keys(), ...returns.keys(), ...tickets.keys()])].sort();
  const lastBlue = new Map<string, string>();
  for (const month of months) {
    const [kaText, distributorText, period] = month.split('|') as [string, string, string];
    const kaIndex = Number(kaText); // the facts name a KA by its index in KA_ACCOUNTS
    const ka = KA_ACCOUNTS[kaIndex]!;
    const distributor = DISTRIBUTORS[world.distributors.findIndex((d) => d.id === Number(distributorText))]!;
    const seller = { taxId: demoTaxId('D', distributor.code), name: distributor.name };
    const buyer = { taxId: demoTaxId('K', ka.code), name: `${ka.name}（中国）投资有限公司` };
    const date = addDays(`${addMonths(period, 1)}-01`, rnd.int(0, 9));
    const base = { source: 'xml' as const, invoiceType: 'digital_special' as const, seller, buyer, status: 'valid' as const, items: [] };
    const rs = [...(receipts.get(month) ?? [])];
    const ts = tickets.get(month) ?? [];
    let blue: string | undefined;
    if (rs.length) {
      const key = `${ka.code}|${distributor.code}|${period}`;
      if (rs.length > 1 && rnd.chance(NOISE.receiptLeftOut)) {
        const [gone] = rs.splice(rnd.int(0, rs.length - 1), 1);
        inject(ctx, 'invoice_receipt_left_out', key, null, { receipt: gone!.docNo, amount: gone!.total });
      }
      let gross = rs.reduce((s, r) => s + r.total, 0) - ts.reduce((s, t) => s + t.total, 0);
      if (gross > 0) {
        if (rnd.chance(NOISE.amountOff)) {
          const off = rnd.int(1, 5_000) * (rnd.chance(0.5) ? 1 : -1);
          gross += off;
          inject(ctx, 'invoice_amount_off', key, null, { amount: off });
        }
        const remark = `${ka.name} ${period} 验收单 ${rs.map((r) => r.docNo).join('、')}${ts.length ? ` 票扣 ${ts.map((t) => t.docNo).join('、')}` : ''}`;
        blue = numberOf(date, ++serial);
        if (rnd.chance(NOISE.voidedReissued)) {
          drafts.push({ ...base, number: blue, date, ...split(gross), gross, colour: 'blue', remark });
          voids.push({ number: blue, date });
          inject(ctx, 'invoice_voided_reissued', key, null, { voided: blue });
          blue = numberOf(date, ++serial);
          drafts.push({ ...base, number: blue, date: addDays(date, 1), ...split(gross), gross, colour: 'blue', remark });
        } else {
          drafts.push({ ...base, number: blue, date, ...split(gross), gross, colour: 'blue', remark });
        }
        lastBlue.set(`${kaIndex}|${distributor.code}`, blue);
      } else {
        inject(ctx, 'month_not_invoiced', key, null, { receipts: rs.map((r) => r.docNo), tickets: ts.map((t) => t.docNo) });
      }
    } else if (ts.length) {
      // 票扣 in a month with nothing accepted: no invoice to carry the discount.
      inject(ctx, 'month_not_invoiced', `${ka.code}|${distributor.code}|${period}`, null, { receipts: [], tickets: ts.map((t) => t.docNo) });
    }
    const back = returns.get(month) ?? [];
    if (back.length) {
      const original = blue ?? lastBlue.get(`${kaIndex}|${distributor.code}`);
      const key = `${ka.code}|${distributor.code}|${period}`;
      if (!original || rnd.chance(NOISE.redNotIssued)) {
        inject(ctx, 'red_letter_not_issued', key, null, { returns: back.map((r) => r.docNo), amount: back.reduce((s, r) => s + r.total, 0) });
      } else {
        const gross = -back.reduce((s, r) => s + r.total, 0);
        drafts.push({ ...base, number: numberOf(date, ++serial), date, ...split(gross), gross, colour: 'red', originalNumber: original,
          remark: `被红冲蓝字数电票号码：${original} 退货单 ${back.map((r) => r.docNo).join('、')}` });
      }
    }
  }
  recordInvoiceBatch(book, drafts, 'demo', { description: 'demo invoices', id: batchId }, { link: false });
  // The voided ones are void the day after they were issued, before anything is linked; then everything is linked.
  const recorder = new InvoiceRecorder(book, poster, 'demo');
  for (const v of voids) recorder.setStatus(invoiceDocumentByNumber(book, v.number)!.id, v.number, 'void', addDays(v.date, 1), 'demo');
  autoLinkInvoices(book, { from: world.first, to: addDays(world.last, 45) }, 'demo');
}
