/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `ka-settle — settlement ledger for KA deliveries

Usage:
  ka-settle init BOOK [--name NAME]                 create an empty book
  ka-settle demo BOOK [--seed N] [--scale small|medium|large] [--from YYYY-MM]
                                                    create a book filled with a year of demo business
  ka-settle show BOOK [WHAT] [options]              show master data, documents and balances
      WHAT: summary (default), manufacturers, distributors, ka-accounts, stores, products, prices,
            contracts, contract CODE, promotions, documents, document KEY, balances, periods, audit,
            injections
      --kind K --period YYYY-MM --ka CODE --distributor CODE --batch N   filters for documents
      --by account|ka|distributor|period --as-of YYYY-MM-DD    for balances
      --limit N (default 100) --offset N                       paging
  ka-settle import BOOK KIND FILE... [--ka CODE] [--date YYYY-MM-DD] [--mapping NAME] [--map "heading=field;..."]
                  [--save-mapping NAME] [--dry-run]
      KIND: manufacturers, distributors, ka-accounts, stores, products, prices, contracts, promotions,
            deliveries, receipts, returns, statements, deductions, remittances, manufacturer-credits
      Each file is one transaction: a file with any bad row imports nothing and every bad row is listed.
  ka-settle check BOOK                              prove the book sound: SQLite integrity, balanced postings,
                                                    open items tied to the ledger, audit chain intact

Every command takes --json for machine-readable output and --user NAME to name who acts (default: the
KA_SETTLE_USER environment variable, else the system user).
Exit status: 0 success, 1 a problem with the book or its input (the message names file, row and field),
2 a mistake in the command line.`;
