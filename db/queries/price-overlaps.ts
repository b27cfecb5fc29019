import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/** A price row for the same KA, product and region whose validity overlaps the given range. */
export function overlappingPrice(book: Book, kaAccountId: number, productId: number, region: string, from: string, to: string):
  { valid_from: string; valid_to: string; price_e4: number } | undefined {
  return stmt<[number, number, string, string, string], { valid_from: string; valid_to: string; price_e4: number }>(book.db, `SELECT valid_from, valid_to, price_e4
    FROM prices WHERE ka_account_id = ? AND product_id = ? AND region = ? AND valid_from <= ? AND valid_to >= ? LIMIT 1`)
    .get(kaAccountId, productId, region, to, from);
}
