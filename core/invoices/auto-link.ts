import type { Book } from '../../db/connection.js';
import {
  documentsNamed, invoiceEntityRegion, invoicesForLinking, kasWithInvoices, unlinkedDocuments, type NamedDocument,
} from '../../db/queries/invoice-auto.js';
import { invoiceHasManualLinks, openLinksOfDocument, openLinksOfInvoice } from '../../db/queries/invoice-links.js';
import { targetDocument } from '../../db/queries/invoice-targets.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { addDays } from '../calendar/dates.js';
import type { InvoiceLinkRole } from '../../vocabulary/index.js';
import { bookingDate, latestOf } from './booking-date.js';
import { coverable, linkInvoiceTo, unlinkInvoice } from './links.js';
import { allocate } from './allocate-coverage.js';
import { remarkTokens } from './remark-tokens.js';

/** How far before an invoice its documents may lie, and how far around a run's dates invoices are looked at. */
const LOOK_BACK_DAYS = 120;
const WINDOW_DAYS = 180;

type Invoice = ReturnType<typeof invoicesForLinking>[number];
interface Wanted { invoiceId: number; documentId: number; role: InvoiceLinkRole; amount: number }

export interface AutoLinkSummary { invoices: number; groups: number; byReference: number; byAmount: number; links: number; unlinks: number }

/**
 * 自动关联: links invoices to what they cover, first by the KA's settlement reference on the invoice (the 对账单号,
 * 验收单号 or PO number in its 备注), then — for invoices naming nothing the book knows — by amount and date (one
 * receipt of that amount, one store's month, or the KA's month less its 票扣). Invoices naming the same documents
 * share them (a settlement split over several invoices, each up to its amount; the last takes what is left, so a
 * shortfall or excess shows on it as the difference). Links set by hand are never touched. Runs inside the
 * caller's write transaction; re-running changes only what changed, by dated rows.
 */
export function autoLinkInvoices(book: Book, scope: { kaAccountId?: number | null; from: string; to: string }, actor: string): AutoLinkSummary {
  const summary: AutoLinkSummary = { invoices: 0, groups: 0, byReference: 0, byAmount: 0, links: 0, unlinks: 0 };
  const from = addDays(scope.from, -WINDOW_DAYS);
  const to = addDays(scope.to, WINDOW_DAYS);
  const kas = scope.kaAccountId ? [scope.kaAccountId] : kasWithInvoices(book, from, to);
  const audit = new AuditWriter(book);
  for (const ka of kas) {
    for (const direction of ['issued', 'received'] as const) {
      const invoices = invoicesForLinking(book, ka, direction, from, to).filter((i) => !invoiceHasManualLinks(book, i.id));
      summary.invoices += invoices.length;
      linkKa(book, ka, direction, invoices, summary, actor, audit);
    }
  }
  return summary;
}

/** The roles an invoice's named documents can take. */
function roleOf(direction: string, colour: string, doc: NamedDocument): InvoiceLinkRole | null {
  if (direction === 'received') return doc.kind === 'deduction' ? 'fee' : null;
  if (colour === 'blue') return doc.kind === 'receipt' ? 'goods' : doc.kind === 'deduction' && doc.method === 'invoice' ? 'discount' : null;
  return doc.kind === 'return' ? 'return' : doc.kind === 'deduction' ? 'rebate' : null;
}

function linkKa(book: Book, ka: number, direction: 'issued' | 'received', invoices: Invoice[], summary: AutoLinkSummary, actor: string, audit: AuditWriter): void {
  const named = new Map<number, { doc: NamedDocument; role: InvoiceLinkRole }[]>();
  for (const inv of invoices) {
    const tokens = remarkTokens(inv.remark);
    const docs = tokens.length ? documentsNamed(book, ka, tokens) : [];
    const usable = docs.map((doc) => ({ doc, role: roleOf(direction, inv.colour, doc) })).filter((x): x is { doc: NamedDocument; role: InvoiceLinkRole } => x.role !== null);
    if (usable.length) named.set(inv.id, usable);
  }
  // Invoices of one colour naming a document in common form one group: they share those documents.
  const groups = groupsOf(invoices.filter((i) => named.has(i.id)), named);
  const taken = new Set<number>();
  for (const group of groups) {
    summary.groups++;
    summary.byReference += group.length;
    const docs = new Map<number, { doc: NamedDocument; role: InvoiceLinkRole }>();
    for (const inv of group) for (const x of named.get(inv.id)!) docs.set(x.doc.id, x);
    for (const id of docs.keys()) taken.add(id);
    const wanted = groupAllocation(book, group, [...docs.values()]);
    applyWanted(book, group, wanted, 'reference', [...docs.values()].map((x) => x.doc.doc_date), summary, actor, audit);
  }
  for (const inv of invoices) {
    if (named.has(inv.id) || openLinksOfInvoice(book, inv.id).length > 0) continue;
    const match = amountMatch(book, ka, direction, inv, taken);
    if (!match.length) continue;
    summary.byAmount++;
    for (const w of match) taken.add(w.documentId);
    const dates = match.map((w) => targetDocument(book, w.documentId)!.doc_date);
    applyWanted(book, [inv], match, 'amount', dates, summary, actor, audit);
  }
}

function groupsOf(invoices: Invoice[], named: Map<number, { doc: NamedDocument }[]>): Invoice[][] {
  const parent = new Map(invoices.map((i) => [i.id, i.id]));
  const find = (x: number): number => (parent.get(x) === x ? x : find(parent.get(x)!));
  const byDoc = new Map<string, number>();
  for (const inv of invoices) {
    for (const { doc } of named.get(inv.id)!) {
      const key = `${inv.colour}|${doc.id}`;
      const other = byDoc.get(key);
      if (other === undefined) byDoc.set(key, inv.id);
      else parent.set(find(inv.id), find(other));
    }
  }
  const out = new Map<number, Invoice[]>();
  for (const inv of invoices) {
    const root = find(inv.id);
    out.set(root, [...(out.get(root) ?? []), inv]);
  }
  return [...out.values()];
}

/** A group's documents shared over its invoices: discounts (票扣) first, then goods up to each invoice's amount. */
function groupAllocation(book: Book, group: Invoice[], docs: { doc: NamedDocument; role: InvoiceLinkRole }[]): Wanted[] {
  const ids = new Set(group.map((g) => g.id));
  const available = (d: NamedDocument, role: InvoiceLinkRole) => {
    const target = targetDocument(book, d.id)!;
    const others = linksByOthers(book, d.id, role, ids);
    return Math.max(0, coverable(book, target, role) - others);
  };
  const ofRole = (roles: InvoiceLinkRole[]) => docs.filter((x) => roles.includes(x.role)).map((x) => ({ id: x.doc.id, role: x.role, amount: available(x.doc, x.role) })).filter((x) => x.amount > 0);
  const wanted: Wanted[] = [];
  const sorted = [...group].sort((a, b) => a.invoice_date.localeCompare(b.invoice_date) || a.id - b.id);
  if (sorted[0]!.colour === 'blue' && docs.some((x) => x.role === 'discount')) {
    // Discount lines as the items say where there are items; otherwise the 票扣 stands on the first invoice.
    const discounts = ofRole(['discount']);
    const capacity = sorted.map((inv, i) => ({ id: inv.id, capacity: inv.items > 0 ? inv.discount_fen ?? 0 : i === 0 ? Number.MAX_SAFE_INTEGER : 0 }));
    for (const a of allocate(capacity, discounts, false)) wanted.push({ invoiceId: a.invoiceId, documentId: a.documentId, role: 'discount', amount: a.amount });
  }
  const discountOf = (id: number) => wanted.filter((w) => w.invoiceId === id && w.role === 'discount').reduce((s, w) => s + w.amount, 0);
  const main = ofRole(['goods', 'return', 'rebate', 'fee']);
  const capacity = sorted.map((inv) => ({ id: inv.id, capacity: Math.abs(inv.gross_fen) + discountOf(inv.id) }));
  for (const a of allocate(capacity, main, true)) wanted.push({ invoiceId: a.invoiceId, documentId: a.documentId, role: a.role as InvoiceLinkRole, amount: a.amount });
  return wanted;
}

/** What invoices outside a group cover of a document in a role now. */
function linksByOthers(book: Book, documentId: number, role: InvoiceLinkRole, group: Set<number>): number {
  let sum = 0;
  for (const l of openLinksOfDocument(book, documentId)) if (l.role === role && !group.has(l.invoice_id)) sum += l.amount_fen;
  return sum;
}

/** One uncovered receipt of the amount, one store's month, or the KA's month less its 票扣; found only when unique. */
function amountMatch(book: Book, ka: number, direction: string, inv: Invoice, taken: Set<number>): Wanted[] {
  const region = invoiceEntityRegion(book, inv.id);
  const window = (kinds: string[]) => unlinkedDocuments(book, ka, kinds, addDays(inv.invoice_date, -LOOK_BACK_DAYS), inv.invoice_date)
    .filter((d) => !taken.has(d.id) && (!region || d.region === region));
  const gross = Math.abs(inv.gross_fen);
  const one = (docs: { id: number }[], role: InvoiceLinkRole, amount: (d: { id: number }) => number): Wanted[] => {
    const hits = docs.filter((d) => amount(d) === gross);
    return hits.length === 1 ? [{ invoiceId: inv.id, documentId: hits[0]!.id, role, amount: gross }] : [];
  };
  if (direction === 'received') {
    const deductions = window(['deduction']);
    return one(deductions, 'fee', (d) => coverable(book, targetDocument(book, d.id)!, 'fee'));
  }
  if (inv.colour === 'red') {
    const returns = one(window(['return']), 'return', (d) => Math.abs(targetDocument(book, d.id)!.total_fen));
    return returns.length ? returns : one(window(['deduction']), 'rebate', (d) => coverable(book, targetDocument(book, d.id)!, 'rebate'));
  }
  const receipts = window(['receipt']);
  const single = one(receipts, 'goods', (d) => targetDocument(book, d.id)!.total_fen);
  if (single.length) return single;
  const sets = new Map<string, typeof receipts>();
  for (const r of receipts) sets.set(`${r.store_id}|${r.period}`, [...(sets.get(`${r.store_id}|${r.period}`) ?? []), r]);
  const storeMonths = [...sets.values()].filter((s) => s.length > 1 && s.reduce((a, r) => a + r.total_fen, 0) === gross);
  if (storeMonths.length === 1) return storeMonths[0]!.map((r) => ({ invoiceId: inv.id, documentId: r.id, role: 'goods' as const, amount: r.total_fen }));
  const tickets = window(['deduction']).filter((d) => d.method === 'invoice');
  const months = new Map<string, { receipts: typeof receipts; tickets: typeof tickets }>();
  for (const r of receipts) months.set(r.period, { receipts: [...(months.get(r.period)?.receipts ?? []), r], tickets: months.get(r.period)?.tickets ?? [] });
  for (const t of tickets) if (months.has(t.period)) months.get(t.period)!.tickets.push(t);
  const fits = [...months.values()].filter((m) => m.receipts.reduce((a, r) => a + r.total_fen, 0) - m.tickets.reduce((a, t) => a + t.total_fen, 0) === gross);
  if (fits.length !== 1) return [];
  return [
    ...fits[0]!.receipts.map((r) => ({ invoiceId: inv.id, documentId: r.id, role: 'goods' as const, amount: r.total_fen })),
    ...fits[0]!.tickets.map((t) => ({ invoiceId: inv.id, documentId: t.id, role: 'discount' as const, amount: t.total_fen })),
  ];
}

/** Makes the links of a group what they should be: undoes what changed, links what is new, all on one date. */
function applyWanted(book: Book, group: Invoice[], wanted: Wanted[], method: 'reference' | 'amount', docDates: string[], summary: AutoLinkSummary, actor: string, audit: AuditWriter): void {
  const key = (w: { invoiceId: number; documentId: number; role: string }) => `${w.invoiceId}|${w.documentId}|${w.role}`;
  const current = new Map<string, { invoiceId: number; documentId: number; role: InvoiceLinkRole; amount: number; date: string }>();
  for (const inv of group) {
    for (const l of openLinksOfInvoice(book, inv.id)) {
      if (l.method === 'manual') continue;
      const k = key({ invoiceId: l.invoice_id, documentId: l.document_id, role: l.role });
      const was = current.get(k);
      current.set(k, { invoiceId: l.invoice_id, documentId: l.document_id, role: l.role as InvoiceLinkRole, amount: (was?.amount ?? 0) + l.amount_fen, date: latestOf(was?.date ?? l.link_date, l.link_date) });
    }
  }
  const want = new Map(wanted.map((w) => [key(w), w]));
  const changedDates = [...current.values()].filter((c) => want.get(key(c))?.amount !== c.amount).map((c) => c.date);
  const date = bookingDate(book, latestOf(...group.map((g) => g.doc_date), ...docDates, ...changedDates));
  for (const [k, c] of current) {
    if (want.get(k)?.amount === c.amount) continue;
    unlinkInvoice(book, c.invoiceId, c.documentId, c.role, date, 'auto-relink', actor, audit);
    summary.unlinks++;
  }
  const byInvoice = new Map<number, Wanted[]>();
  for (const [k, w] of want) {
    if (current.get(k)?.amount === w.amount) continue;
    byInvoice.set(w.invoiceId, [...(byInvoice.get(w.invoiceId) ?? []), w]);
    summary.links++;
  }
  for (const [invoiceId, ws] of byInvoice) linkInvoiceTo(book, invoiceId, ws, { method, date }, actor, audit);
}
