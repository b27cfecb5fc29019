import type { Book } from '../../db/connection.js';
import { remembered, rememberedDocuments, rememberedLines } from '../../db/queries/vouchers.js';
import type { AuxItem, Voucher, VoucherLine } from './voucher-types.js';

const item = (code: string | null, name: string | null): AuxItem | undefined => (code === null ? undefined : { code, name: name ?? '' });

/** The vouchers of a month (or of one export) exactly as they were handed to the GL. */
export function rememberedVouchers(book: Book, period: string, exportId: number | null): Voucher[] {
  const lines = new Map<number, VoucherLine[]>();
  for (const l of rememberedLines(book, period, exportId)) {
    const aux: VoucherLine['aux'] = {};
    const customer = item(l.customer_code, l.customer_name);
    const supplier = item(l.supplier_code, l.supplier_name);
    const department = item(l.department_code, l.department_name);
    if (customer) aux.customer = customer;
    if (supplier) aux.supplier = supplier;
    if (department) aux.department = department;
    const list = lines.get(l.voucher_id) ?? [];
    list.push({ account: l.account, glCode: l.gl_code, glName: l.gl_name, summary: l.summary, side: l.side, amount: l.amount_fen, aux });
    lines.set(l.voucher_id, list);
  }
  const docs = new Map<number, { ids: number[]; nos: string[] }>();
  for (const d of rememberedDocuments(book, period, exportId)) {
    const entry = docs.get(d.voucher_id) ?? { ids: [], nos: [] };
    entry.ids.push(d.document_id);
    entry.nos.push(d.doc_no);
    docs.set(d.voucher_id, entry);
  }
  return remembered(book, period, exportId).map((v) => ({
    word: v.word, number: v.number, date: v.voucher_date, summary: v.summary, preparer: v.preparer, attachments: v.attachments,
    lines: lines.get(v.id) ?? [], documentIds: docs.get(v.id)?.ids ?? [], documentNos: docs.get(v.id)?.nos ?? [],
  }));
}
