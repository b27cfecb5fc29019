import type { Book } from '../../db/connection.js';
import { linesForInvoicing } from '../../db/queries/invoice-match.js';
import { entitiesOfKa } from '../../db/queries/invoicing-entities.js';
import { threeWayMatch } from './three-way-match.js';

/** One line of an invoice still to be made: what the invoicing clerk keys into the portal. Money in fen, with tax. */
export interface ToInvoiceLine {
  name: string;
  taxCode: string | null;
  spec: string | null;
  unit: string | null;
  qty: number | null;
  gross: number;
  rate: number;
  /** a 票扣 shown as the invoice's discount (negative) */
  discount: boolean;
  documents: string[];
}

/** An invoice to make: to one invoicing entity of a KA, for a month's receipts not yet invoiced less its 票扣. */
export interface ToInvoice {
  serial: number;
  kaCode: string;
  kaName: string;
  period: string;
  buyerName: string | null;
  buyerTaxId: string | null;
  buyerAddressPhone: string | null;
  buyerBank: string | null;
  /** what the invoice's 备注 names (the KA matches it by these): the receipts and the 票扣 it settles */
  receipts: string[];
  tickets: string[];
  gross: number;
  lines: ToInvoiceLine[];
}

/**
 * A receipt covered only in part is put on the invoice as one line of what is left, never as guessed quantities;
 * it and a 票扣's discount line are named by the writer in the reader's language (no name here).
 */
const PARTIAL = '';

/**
 * 待开票清单: for each KA month, the receipts accepted and not (fully) invoiced and the 票扣 not yet on an invoice, as
 * the invoices to make — one per invoicing entity (the store's region's, else the KA's for every region) — with
 * lines by product as the receipts have them and each 票扣 as a discount line, so the clerk keys them as they stand.
 */
export function toInvoiceList(book: Book, periods: string[], o: { kaAccountId?: number | null; distributorId?: number | null; asOf: string }): ToInvoice[] {
  const out: ToInvoice[] = [];
  for (const row of threeWayMatch(book, periods, o)) {
    const gaps = row.gaps.filter((g) => g.kind === 'to_invoice' || g.kind === 'discount_missing');
    if (gaps.length === 0) continue;
    const entities = entitiesOfKa(book, row.ka.id);
    const entityFor = (region: string | null) => entities.find((e) => e.region === (region ?? '')) ?? entities.find((e) => e.region === '') ?? null;
    const byEntity = new Map<string, ToInvoice>();
    const invoiceFor = (region: string | null) => {
      const e = entityFor(region);
      const key = e?.tax_id ?? '';
      let inv = byEntity.get(key);
      if (!inv) {
        inv = { serial: 0, kaCode: row.ka.code, kaName: row.ka.name, period: row.period, buyerName: e?.name ?? null, buyerTaxId: e?.tax_id ?? null,
          buyerAddressPhone: e?.address_phone ?? null, buyerBank: e?.bank_account ?? null, receipts: [], tickets: [], gross: 0, lines: [] };
        byEntity.set(key, inv);
      }
      return inv;
    };
    const lines = linesForInvoicing(book, gaps.map((g) => g.documentId!));
    for (const gap of gaps) {
      const own = lines.filter((l) => l.document_id === gap.documentId);
      const inv = invoiceFor(own[0]?.region ?? null);
      if (gap.kind === 'discount_missing') {
        inv.lines.push({ name: PARTIAL, taxCode: null, spec: null, unit: null, qty: null, gross: -gap.amount, rate: 130_000, discount: true, documents: [gap.docNo!] });
      } else if (own.reduce((s, l) => s + l.amount_fen, 0) !== gap.amount) {
        inv.lines.push({ name: PARTIAL, taxCode: own[0]?.tax_code ?? null, spec: null, unit: null, qty: null, gross: gap.amount, rate: own[0]?.vat_rate_ppm ?? 130_000, discount: false, documents: [gap.docNo!] });
      } else {
        for (const l of own) {
          const name = `${l.tax_category ? `*${l.tax_category}*` : ''}${l.name ?? l.sku ?? ''}`;
          const same = inv.lines.find((x) => !x.discount && x.name === name && x.spec === l.spec && x.rate === (l.vat_rate_ppm ?? 130_000));
          if (same) {
            same.gross += l.amount_fen;
            same.qty = same.qty === null || l.qty_milli === null ? null : same.qty + l.qty_milli;
            if (!same.documents.includes(l.doc_no)) same.documents.push(l.doc_no);
          } else {
            inv.lines.push({ name, taxCode: l.tax_code, spec: l.spec, unit: null, qty: l.qty_milli, gross: l.amount_fen, rate: l.vat_rate_ppm ?? 130_000, discount: false, documents: [l.doc_no] });
          }
        }
      }
    }
    for (const inv of byEntity.values()) {
      inv.gross = inv.lines.reduce((s, l) => s + l.gross, 0);
      inv.receipts = [...new Set(inv.lines.filter((l) => !l.discount).flatMap((l) => l.documents))];
      inv.tickets = [...new Set(inv.lines.filter((l) => l.discount).flatMap((l) => l.documents))];
      out.push(inv);
    }
  }
  out.forEach((inv, i) => (inv.serial = i + 1));
  return out;
}

export const PARTIAL_LINE = PARTIAL;
