import type { Book } from '../../db/connection.js';
import { creditsWithClearings } from '../../db/queries/credits-cleared.js';

/** Manufacturer credits (厂家核销: cash, 货补, 票折) and the claims and items each one cleared. */
export function creditsView(book: Book, page: { offset: number; limit: number }) {
  return creditsWithClearings(book, page.limit, page.offset);
}
