import type { DocumentDraft } from '../../core/ledger/post-documents.js';
import { reverseDocument } from '../../core/corrections/reverse.js';
import type { Book } from '../../db/connection.js';
import { post, receipt, type World } from './documents.js';
import { addPeople } from './people.js';
import { addSmallWorld } from './small-world.js';
import { tempBook } from './temp-book.js';

/**
 * A month (2026-10) with one document of every kind that posts, a delivery that posts nothing, a red-letter
 * reversal, and a September receipt that must stay out of October's vouchers. Amounts are round enough to check
 * by hand: the month's movement per account is computed independently in the tests from the entries.
 */
export function voucherMonth(book: Book): { w: World; reversedId: number; reversalId: number } {
  const w = addSmallWorld(book);
  const parties = { manufacturerId: w.manufacturerId, distributorId: w.distributorId };
  const drafts: DocumentDraft[] = [
    receipt(w, 'YS0901', '2026-09-28', 'PO0901', [[w.p001, 10, 64_000]]),
    { kind: 'delivery', naturalKey: 'D01|XS1001', docNo: 'XS1001', docDate: '2026-10-02', ...parties, kaAccountId: w.rtm, storeId: w.a021, lines: [{ storeId: w.a021, productId: w.p001, qty: 24_000, price: 64_000, amount: 15_360 }] },
    receipt(w, 'YS1001', '2026-10-03', 'PO1001', [[w.p001, 24, 64_000], [w.p003, 8, 399_000]]),
    receipt(w, 'YS1002', '2026-10-03', 'PO1002', [[w.p001, 12, 64_000]]),
    receipt(w, 'YS1003', '2026-10-05', 'PO1003', [[w.p003, 4, 399_000]], w.s11, w.met),
    { kind: 'return', naturalKey: `K${w.rtm}|TH1001`, docNo: 'TH1001', docDate: '2026-10-08', ...parties, kaAccountId: w.rtm, storeId: w.a021, lines: [{ storeId: w.a021, productId: w.p001, qty: 2000, price: 64_000, amount: 1_280 }] },
    {
      kind: 'deduction', naturalKey: `K${w.rtm}|KK1001`, docNo: 'KK1001', docDate: '2026-10-10', ...parties, kaAccountId: w.rtm, storeId: w.a021, method: 'account',
      lines: [{ storeId: w.a021, amount: 50_000, feeType: 'display', feeText: '堆头费' }, { storeId: w.a021, amount: 12_345, feeType: 'dm', feeText: '海报费' }],
    },
    { kind: 'remittance', naturalKey: `K${w.rtm}|FK1001`, docNo: 'FK1001', docDate: '2026-10-15', ...parties, kaAccountId: w.rtm, method: 'direct', lines: [{ amount: 40_000, reference: 'YS1001' }] },
    { kind: 'remittance', naturalKey: `K${w.met}|FK1002`, docNo: 'FK1002', docDate: '2026-10-16', ...parties, kaAccountId: w.met, method: 'central', lines: [{ amount: 15_960, reference: 'YS1003' }] },
    { kind: 'fee_claim', naturalKey: 'CLAIM|FY1001', docNo: 'FY1001', docDate: '2026-10-18', ...parties, kaAccountId: w.rtm, lines: [{ amount: 40_000, feeType: 'display' }] },
    {
      kind: 'adjustment', naturalKey: 'FEES|FYZ1001', docNo: 'FYZ1001', docDate: '2026-10-18', ...parties, kaAccountId: w.rtm, lines: [{ amount: 22_345 }],
      legs: [{ account: 'fee_expense', amount: 22_345 }, { account: 'deductions_pending', amount: -22_345 }],
    },
    { kind: 'manufacturer_credit', naturalKey: 'M01|HX1001', docNo: 'HX1001', docDate: '2026-10-20', ...parties, method: 'cash', lines: [{ amount: 40_000 }] },
    { kind: 'manufacturer_credit', naturalKey: 'M01|HX1002', docNo: 'HX1002', docDate: '2026-10-21', ...parties, method: 'transfer', lines: [{ amount: 15_960 }] },
    { kind: 'delivery_cost_claim', naturalKey: 'DC|2026-10', docNo: 'PS1001', docDate: '2026-10-31', ...parties, lines: [{ amount: 8_888 }] },
    {
      kind: 'rebate_accrual', naturalKey: 'REB|RTM|2026-10', docNo: 'FL1001', docDate: '2026-10-31', ...parties, kaAccountId: w.rtm, lines: [{ amount: 7_777 }],
      legs: [{ account: 'rebate_expense', amount: 7_777 }, { account: 'rebate_payable_ka', amount: -7_777 }],
    },
  ];
  post(book, ...drafts);
  const reversedId = (book.db.prepare("SELECT id FROM documents WHERE doc_no = 'YS1002'").get() as { id: number }).id;
  const { reversalId } = reverseDocument(book, reversedId, { actor: 'tester', reason: '重复验收', today: '2026-10-25' });
  return { w, reversedId, reversalId };
}

/** Each account's movement in a month, debit positive, straight from the entries (not through the exporter). */
export function monthMovement(book: Book, period: string): Map<string, number> {
  const rows = book.db.prepare('SELECT account, sum(amount_fen) AS fen FROM entries WHERE period = ? GROUP BY account').all(period) as { account: string; fen: number }[];
  return new Map(rows.filter((r) => r.fen !== 0).map((r) => [r.account, r.fen]));
}

/** A mapping of every account to a code of its own, so the vouchers' sums per code are the accounts' sums. */
export const OWN_CODES: Record<string, string> = {
  ar_ka: '1122', ar_manufacturer: '122101', bank: '1002', goods_credit: '1405', ap_manufacturer: '2202', deductions_pending: '122103',
  claims_manufacturer: '122102', rebate_payable_ka: '2241', sales: '600101', sales_returns: '600102', manufacturer_income: '6051',
  fee_expense: '660101', rebate_expense: '660102', adjustment: '6711',
};

/** The month with the book's people (wang is the accountant), as a closed file for another process or session to open. */
export async function voucherBookFile(): Promise<string> {
  const book = await tempBook();
  addPeople(book);
  voucherMonth(book);
  book.close();
  return book.path;
}
