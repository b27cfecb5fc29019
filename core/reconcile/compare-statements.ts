import type { Book } from '../../db/connection.js';
import { bookMovements, kaDocumentByNo, statementLines, statementsOfPeriod } from '../../db/queries/statements.js';

export type StatementDifferenceKind = 'not_in_book' | 'other_period' | 'not_on_statement' | 'amount_differs' | 'unreferenced';

/** One line of the difference: statement amount minus book amount, and why. */
export interface StatementDifference {
  kind: StatementDifferenceKind;
  reference: string | null;
  statementFen: number;
  bookFen: number;
  differenceFen: number;
}

export interface StatementComparison {
  statement: string;
  ka: string;
  distributorId: number | null;
  statementFen: number;
  bookFen: number;
  differenceFen: number;
  differences: StatementDifference[];
}

/**
 * 对账单核对: the KA's statement against the book for the same period, KA and distributor. Every difference is
 * traced to the documents that make it — on the statement but not in the book, in the book but not on the
 * statement, in both with different amounts, booked in another month — and the differences add up exactly to
 * the gap between the two totals.
 */
export function compareStatements(book: Book, period: string, kaAccountId: number | null, options: { distributorId?: number } = {}): StatementComparison[] {
  // One distributor's statement compares only the KA statements addressed to it, not every one of the month.
  const statements = statementsOfPeriod(book, period, kaAccountId).filter((s) => options.distributorId === undefined || s.distributor_id === options.distributorId);
  return statements.map((s) => {
    const movements = bookMovements(book, period, s.ka_account_id, s.distributor_id);
    const byDocNo = new Map(movements.map((m) => [m.doc_no, m]));
    const seen = new Set<string>();
    const differences: StatementDifference[] = [];
    const add = (kind: StatementDifferenceKind, reference: string | null, statementFen: number, bookFen: number) => {
      if (statementFen !== bookFen) differences.push({ kind, reference, statementFen, bookFen, differenceFen: statementFen - bookFen });
    };
    for (const line of statementLines(book, s.id)) {
      if (!line.reference) {
        add('unreferenced', null, line.amount_fen, 0);
        continue;
      }
      const mine = seen.has(line.reference) ? undefined : byDocNo.get(line.reference);
      if (mine) {
        seen.add(line.reference);
        add('amount_differs', line.reference, line.amount_fen, mine.signed_fen);
        continue;
      }
      // Not among this month's documents: booked in another month (the statement's side is then not in our
      // total for the month), or not in the book at all.
      const elsewhere = kaDocumentByNo(book, s.ka_account_id, line.reference);
      add(elsewhere ? 'other_period' : 'not_in_book', line.reference, line.amount_fen, 0);
    }
    for (const m of movements) if (!seen.has(m.doc_no)) add('not_on_statement', m.doc_no, 0, m.signed_fen);
    const bookFen = movements.reduce((sum, m) => sum + m.signed_fen, 0);
    return { statement: s.doc_no, ka: s.ka_code, distributorId: s.distributor_id, statementFen: s.total_fen, bookFen, differenceFen: s.total_fen - bookFen, differences };
  });
}
