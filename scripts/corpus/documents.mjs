// The corpus's source data: the documents each export holds, in the book's terms (integer fen, 1/10,000 yuan,
// thousandths, ISO dates, the book's store codes). Each export is written FROM these, and its expected documents are
// these — the importer is never run to make them.
import { lineFen } from './money.mjs';
import { kaPrice, PRODUCTS, store } from './world.mjs';

const bySku = new Map(PRODUCTS.map((p) => [p.sku, p]));
export const product = (sku) => bySku.get(sku);

/** A goods document (receipt, delivery, return): lines of product, quantity and the chain's price. */
export function goods(kind, { docNo, date, ka, storeCode, orderNo = null, lines, issuer }) {
  const s = store(ka, storeCode);
  const full = lines.map(([sku, cases, priceE4]) => {
    const p = product(sku);
    const qty = cases * p.pack * 1000;
    const price = priceE4 ?? kaPrice(ka, p);
    return { sku, barcode: p.barcode, name: p.name, spec: p.spec, qty, price, amount: lineFen(qty, price), store: s.code, orderNo };
  });
  return { kind, docNo, date, ka, store: s.code, storeName: s.name, orderNo, issuer: issuer ?? ka, lines: full, total: full.reduce((t, l) => t + l.amount, 0) };
}

/** A deduction document: fee lines, each with the KA's wording and what fee it truly is (or 'unknown'). */
export function deduction({ docNo, date, ka, storeCode = null, method = 'account', lines }) {
  const s = storeCode ? store(ka, storeCode) : null;
  const full = lines.map(([feeText, feeType, amount]) => ({ feeText, feeType, amount, store: s?.code ?? null }));
  return { kind: 'deduction', docNo, date, ka, store: s?.code ?? null, storeName: s?.name ?? null, method, lines: full, total: full.reduce((t, l) => t + l.amount, 0) };
}

/**
 * A statement or remittance: lines referencing receipts and deductions, each of its own store (or none). The
 * document's store is the one all its lines share, else none.
 */
export function references(kind, { docNo, date, ka, method = null, lines }) {
  const full = lines.map(({ reference, amount, storeCode = null, memo = null }) => ({ reference, amount, store: storeCode ? store(ka, storeCode).code : null, memo }));
  const stores = new Set(full.map((l) => l.store));
  return {
    kind, docNo, date, ka, store: stores.size === 1 ? [...stores][0] : null, method, lines: full, total: full.reduce((t, l) => t + l.amount, 0),
  };
}

/** Statement lines for receipts (what the KA owes) and deductions (what it takes), as a KA's statement lists them. */
export function statementLines(receipts, deductions, words = { receipt: '验收', deduction: '扣款' }) {
  return [
    ...receipts.map((r) => ({ reference: r.docNo, amount: r.total, storeCode: r.store, memo: words.receipt })),
    ...deductions.flatMap((d) => d.lines.map((l) => ({ reference: d.docNo, amount: -l.amount, storeCode: l.store, memo: words.deduction }))),
  ];
}

/** The expected documents of one export file, as the corpus test compares them figure by figure. */
export function expected({ system, kind, options = {}, shapes, documents }) {
  return { system, kind, options, shapes, documents };
}
