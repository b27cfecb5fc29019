import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface ContractRow {
  id: number; code: string; manufacturer_id: number; ka_account_id: number; distributor_id: number | null;
  valid_from: string; valid_to: string; fee_points_ppm: number; payment_terms_days: number;
  settlement_mode: 'direct' | 'central'; rebate_tier_mode: 'whole' | 'progressive'; rebate_basis: 'annual' | 'quarterly';
  rebate_direction: 'to_ka' | 'to_distributor'; rebate_excludes_promotions: number;
  /** 账期起算: receipt, invoice or month_end */
  payment_terms_start: string;
}
export interface FeeTermRow {
  contract_id: number; fee_type: string; allowed: number; manufacturer_share_ppm: number;
  max_points_ppm: number | null; max_amount_fen: number | null;
  /** the document the fee leaves behind; null: the fee type's usual one */
  expected_document: string | null;
}
export interface RebateTierRow { contract_id: number; threshold_fen: number; rate_ppm: number }
export interface RebateExclusionRow { contract_id: number; product_id: number | null; store_id: number | null }
export interface DeliveryCostRow {
  contract_id: number; region: string; method: 'percent' | 'per_case' | 'per_drop'; rate_ppm: number | null;
  amount_fen: number | null; monthly_floor_fen: number | null; monthly_cap_fen: number | null;
}

const CONTRACT_COLS = `id, code, manufacturer_id, ka_account_id, distributor_id, valid_from, valid_to, fee_points_ppm,
  payment_terms_days, settlement_mode, rebate_tier_mode, rebate_basis, rebate_direction, rebate_excludes_promotions, payment_terms_start`;

export function insertContract(book: Book, r: Omit<ContractRow, 'id'>): number {
  return Number(stmt(book.db, `INSERT INTO contracts (code, manufacturer_id, ka_account_id, distributor_id, valid_from, valid_to,
      fee_points_ppm, payment_terms_days, settlement_mode, rebate_tier_mode, rebate_basis, rebate_direction,
      rebate_excludes_promotions, payment_terms_start, created_at)
    VALUES (@code, @manufacturer_id, @ka_account_id, @distributor_id, @valid_from, @valid_to, @fee_points_ppm,
      @payment_terms_days, @settlement_mode, @rebate_tier_mode, @rebate_basis, @rebate_direction,
      @rebate_excludes_promotions, @payment_terms_start, @created_at)`).run({ ...r, created_at: new Date().toISOString() }).lastInsertRowid);
}

export function insertFeeTerm(book: Book, r: FeeTermRow): void {
  stmt(book.db, `INSERT INTO contract_fee_terms (contract_id, fee_type, allowed, manufacturer_share_ppm, max_points_ppm, max_amount_fen, expected_document)
    VALUES (@contract_id, @fee_type, @allowed, @manufacturer_share_ppm, @max_points_ppm, @max_amount_fen, @expected_document)`).run(r);
}

export function insertRebateTier(book: Book, r: RebateTierRow): void {
  stmt(book.db, 'INSERT INTO contract_rebate_tiers (contract_id, threshold_fen, rate_ppm) VALUES (@contract_id, @threshold_fen, @rate_ppm)').run(r);
}

export function insertRebateExclusion(book: Book, r: RebateExclusionRow): void {
  stmt(book.db, 'INSERT INTO contract_rebate_exclusions (contract_id, product_id, store_id) VALUES (@contract_id, @product_id, @store_id)').run(r);
}

export function insertDeliveryCost(book: Book, r: DeliveryCostRow): void {
  stmt(book.db, `INSERT INTO contract_delivery_cost (contract_id, region, method, rate_ppm, amount_fen, monthly_floor_fen, monthly_cap_fen)
    VALUES (@contract_id, @region, @method, @rate_ppm, @amount_fen, @monthly_floor_fen, @monthly_cap_fen)`).run(r);
}

export function getContract(book: Book, id: number): ContractRow | undefined {
  return stmt<[number], ContractRow>(book.db, `SELECT ${CONTRACT_COLS} FROM contracts WHERE id = ?`).get(id);
}

export function findContract(book: Book, code: string): ContractRow | undefined {
  return stmt<[string], ContractRow>(book.db, `SELECT ${CONTRACT_COLS} FROM contracts WHERE code = ?`).get(code);
}

/**
 * The KA contract in force between a manufacturer and a KA on a date: it sets fees, payment terms and the KA's
 * rebate. (Contracts naming a distributor are the manufacturer's own terms with that distributor.)
 */
export function contractOn(book: Book, manufacturerId: number, kaAccountId: number, date: string): ContractRow | undefined {
  return stmt<[number, number, string, string], ContractRow>(book.db, `SELECT ${CONTRACT_COLS} FROM contracts
    WHERE manufacturer_id = ? AND ka_account_id = ? AND valid_from <= ? AND valid_to >= ? AND distributor_id IS NULL
    ORDER BY valid_from DESC LIMIT 1`).get(manufacturerId, kaAccountId, date, date);
}

export function contractTerms(book: Book, contractId: number): {
  feeTerms: FeeTermRow[]; tiers: RebateTierRow[]; exclusions: RebateExclusionRow[]; deliveryCost: DeliveryCostRow[];
} {
  return {
    feeTerms: stmt<[number], FeeTermRow>(book.db, 'SELECT * FROM contract_fee_terms WHERE contract_id = ? ORDER BY fee_type').all(contractId),
    tiers: stmt<[number], RebateTierRow>(book.db, 'SELECT * FROM contract_rebate_tiers WHERE contract_id = ? ORDER BY threshold_fen').all(contractId),
    exclusions: stmt<[number], RebateExclusionRow>(book.db, 'SELECT contract_id, product_id, store_id FROM contract_rebate_exclusions WHERE contract_id = ? ORDER BY id').all(contractId),
    deliveryCost: stmt<[number], DeliveryCostRow>(book.db, 'SELECT * FROM contract_delivery_cost WHERE contract_id = ? ORDER BY region').all(contractId),
  };
}

/** Whether any KA contract between a manufacturer and a KA starts its terms at the invoice (账期自开票). */
export function anyContractStartsAtInvoice(book: Book, manufacturerId: number, kaAccountId: number): boolean {
  return stmt<[number, number], { n: number }>(book.db, `SELECT count(*) AS n FROM contracts
    WHERE manufacturer_id = ? AND ka_account_id = ? AND payment_terms_start = 'invoice'`).get(manufacturerId, kaAccountId)!.n > 0;
}
