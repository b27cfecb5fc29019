import type { Book } from '../connection.js';
import { stmt } from '../statements.js';
import { inForce } from './corrections.js';

/** What automatic linking looks at: the documents an invoice's remark names, and the uncovered ones by amount. */
export interface NamedDocument { id: number; kind: string; method: string | null; doc_date: string; total_fen: number; store_id: number | null }

const NAMED_COLS = 'd.id, d.kind, d.method, d.doc_date, d.total_fen, d.store_id';

/**
 * The receipts, returns and deductions of a KA that tokens of a remark name: by their number, every document a named
 * KA statement (对账单/结算单) lists, and — for tokens that name no document — a receipt by its order number.
 * (By number through documents_by_ka_doc_no; the order numbers, seldom written on an invoice, only when needed.)
 */
export function documentsNamed(book: Book, kaAccountId: number, tokens: string[]): NamedDocument[] {
  const list = JSON.stringify(tokens);
  const found = stmt<[Record<string, unknown>], NamedDocument & { token: string }>(book.db, `WITH named(no, token) AS (
      SELECT value, value FROM json_each(@list)
      UNION SELECT l.reference, s.doc_no FROM documents s JOIN document_lines l ON l.document_id = s.id
        WHERE s.ka_account_id = @ka AND s.doc_no IN (SELECT value FROM json_each(@list)) AND s.kind = 'statement' AND l.reference IS NOT NULL)
    SELECT ${NAMED_COLS}, min(n.token) AS token FROM named n CROSS JOIN documents d ON d.ka_account_id = @ka AND d.doc_no = n.no
    WHERE d.kind IN ('receipt', 'return', 'deduction') AND ${inForce('d')} GROUP BY d.id`).all({ ka: kaAccountId, list });
  const used = new Set(found.map((f) => f.token));
  const rest = tokens.filter((t) => !used.has(t));
  const byOrder = rest.length ? stmt<[Record<string, unknown>], NamedDocument>(book.db, `SELECT ${NAMED_COLS} FROM documents d
    WHERE d.ka_account_id = @ka AND d.kind = 'receipt' AND d.order_no IN (SELECT value FROM json_each(@list)) AND ${inForce('d')}`)
    .all({ ka: kaAccountId, list: JSON.stringify(rest) }) : [];
  const all = new Map<number, NamedDocument>();
  for (const { token: _, ...d } of found) all.set(d.id, d);
  for (const d of byOrder) all.set(d.id, d);
  return [...all.values()].sort((x, y) => x.doc_date.localeCompare(y.doc_date) || x.id - y.id);
}

/** The invoices of a KA (issued or received, by their KA or their entity's) in a window of invoice dates. */
export function invoicesForLinking(book: Book, kaAccountId: number, direction: string, from: string, to: string) {
  return stmt<[Record<string, unknown>], { id: number; doc_no: string; doc_date: string; colour: string; invoice_date: string; gross_fen: number; remark: string | null; discount_fen: number | null; items: number }>(book.db,
    `SELECT d.id, d.doc_no, d.doc_date, i.colour, i.invoice_date, i.gross_fen, i.remark,
       (SELECT -sum(x.net_fen + x.tax_fen) FROM invoice_items x WHERE x.document_id = i.document_id AND x.is_discount = 1) AS discount_fen,
       (SELECT count(*) FROM invoice_items x WHERE x.document_id = i.document_id) AS items
     FROM invoices i JOIN documents d ON d.id = i.document_id
       LEFT JOIN ka_invoicing_entities e ON e.tax_id = CASE WHEN i.direction = 'issued' THEN i.buyer_tax_id ELSE i.seller_tax_id END
     WHERE coalesce(d.ka_account_id, e.ka_account_id) = @ka AND i.direction = @direction AND i.invoice_date BETWEEN @from AND @to
       AND coalesce((SELECT s.status FROM invoice_status_changes s WHERE s.document_id = i.document_id ORDER BY s.effective_date DESC, s.id DESC LIMIT 1), 'valid') = 'valid'
     ORDER BY i.invoice_date, d.id`).all({ ka: kaAccountId, direction, from, to });
}

/**
 * Documents of a KA nobody has linked yet in a role's kinds, dated in a window: the candidates for linking by
 * amount and date. `store_region` lets an entity for one region take only its region's stores.
 */
export function unlinkedDocuments(book: Book, kaAccountId: number, kinds: string[], from: string, to: string) {
  return stmt<[Record<string, unknown>], NamedDocument & { period: string; region: string | null }>(book.db, `SELECT ${NAMED_COLS}, d.period, s.region
    FROM documents d LEFT JOIN stores s ON s.id = d.store_id
    WHERE d.ka_account_id = @ka AND d.kind IN (SELECT value FROM json_each(@kinds)) AND d.doc_date BETWEEN @from AND @to
      AND NOT EXISTS (SELECT 1 FROM invoice_links l WHERE l.document_id = d.id) AND ${inForce('d')}
    ORDER BY d.doc_date, d.id`).all({ ka: kaAccountId, kinds: JSON.stringify(kinds), from, to });
}

/** The KAs that have invoices in a window (for a whole-book linking run). */
export function kasWithInvoices(book: Book, from: string, to: string): number[] {
  return stmt<[string, string], { ka: number }>(book.db, `SELECT DISTINCT coalesce(d.ka_account_id, e.ka_account_id) AS ka
    FROM invoices i JOIN documents d ON d.id = i.document_id
      LEFT JOIN ka_invoicing_entities e ON e.tax_id = CASE WHEN i.direction = 'issued' THEN i.buyer_tax_id ELSE i.seller_tax_id END
    WHERE i.invoice_date BETWEEN ? AND ? AND coalesce(d.ka_account_id, e.ka_account_id) IS NOT NULL ORDER BY ka`).all(from, to).map((r) => r.ka);
}

/** The region of the entity an invoice is made out to ('' when it serves every region). */
export function invoiceEntityRegion(book: Book, invoiceId: number): string {
  return stmt<[number], { region: string }>(book.db, `SELECT e.region FROM invoices i JOIN ka_invoicing_entities e
    ON e.tax_id = CASE WHEN i.direction = 'issued' THEN i.buyer_tax_id ELSE i.seller_tax_id END WHERE i.document_id = ?`).get(invoiceId)?.region ?? '';
}
