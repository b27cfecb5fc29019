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
  ka-settle demo BOOK [--seed N] [--scale small|medium|large] [--from YYYY-MM] [--raw]
                                                    create a book filled with a year of demo business
  ka-settle import BOOK KIND FILE... [--ka CODE] [--date YYYY-MM-DD] [--mapping NAME] [--map "heading=field;..."]
                  [--save-mapping NAME] [--allow-dates] [--dry-run] [--replace [--reason R]]
      KIND: manufacturers, distributors, ka-accounts, stores, products, prices, contracts, promotions,
            deliveries, receipts, returns, statements, deductions, remittances, manufacturer-credits
      Each file is one transaction: a file with any bad row imports nothing and every bad row is listed.
      FILE: .xlsx, .xls (BIFF8/BIFF5 or HTML), .csv/.tsv/.txt in UTF-8, UTF-16 or GB18030, or a .zip of them
      (each file in it imported on its own). --allow-dates confirms documents dated over a year before the
      book's first month or after today.
      A document that differs from the one in the book is listed line by line (old → new) and refuses the file;
      --replace reverses the old version (红字) and posts the new one, --dry-run shows what would change.
  ka-settle import BOOK --undo BATCH --reason R     撤销导入: reverse every document an import batch posted
  ka-settle reverse BOOK DOCUMENT --reason R        红字冲销: reverse one document (key or number), un-clearing first
  ka-settle reallocate BOOK REMITTANCE --reason R [--by references|oldest] [--items DOC[=AMOUNT],...]
                                                    重新核销: undo a remittance's clearing and allocate it again
  ka-settle show BOOK [WHAT] [options]              show master data, documents and balances
      WHAT: summary (default), manufacturers, distributors, ka-accounts, stores, products, prices,
            contracts, contract CODE, promotions, documents, document KEY (with its corrections), batches,
            balances, periods, audit, injections
      --kind K --period YYYY-MM --ka CODE --distributor CODE --batch N   filters for documents
      --by account|ka|distributor|period --as-of YYYY-MM-DD              for balances
      --limit N (default 100) --offset N                                 paging
  ka-settle reconcile BOOK --period YYYY-MM [--ka CODE] [--as-of DATE]
                                                    deliveries vs receipts, deductions, claims, remittances, statements
      --lines [--status S] [--store CODE] [--sku SKU] | --unexpected      the stored results
      --confirm LINE | --override LINE --status S --note N | --annotate LINE --note N
  ka-settle deductions BOOK --period YYYY-MM [--ka CODE] [--disputed] | --reclassify LINE --fee-type T
  ka-settle claims BOOK [--status S] [--show ID] | --submit|--approve|--write-off|--reject ID [--reason R] [--date D]
  ka-settle accrue BOOK --period YYYY-MM            rebates, delivery-cost subsidy, price protection (differences only)
  ka-settle terms BOOK --contract CODE [--period YYYY-MM] --explain
  ka-settle users BOOK [--add NAME --role accountant|credit_controller|manager|admin [--name DISPLAY]] [--disable NAME]
  ka-settle close BOOK --period YYYY-MM --prepare|--review|--approve|--reopen|--exceptions|--accept KEY|--accept-all
                  --user U [--reason R]
  ka-settle statement BOOK --period YYYY-MM --distributor CODE [--manufacturer CODE] [--version N]
                  --out FILE.xlsx|.pdf|.json [--details]
                  | --confirm manufacturer|ka:CODE --result confirmed|disputed [--reason R] --user U
  ka-settle ageing BOOK --as-of YYYY-MM-DD [--by ka|store|distributor|manufacturer] [--basis due|document]
  ka-settle credit BOOK [--as-of DATE] | --set-limit ka:CODE|distributor:CODE --amount A --reason R
                  | --override KA --until DATE --reason R | --dunning | --follow-up KA --note N
                  | --statement-of-account KA --out FILE.xlsx|.pdf | --watch | --history ka:CODE
  ka-settle vouchers BOOK --period YYYY-MM --format kingdee|yonyou|csv --out FILE [--group document|day]
                  [--layout NAME|FILE.json] [--word 记] [--start N] --user U
                                                    the month's new postings as vouchers for the GL (金蝶, 用友, CSV)
      --again [--batch N]                           write vouchers exported before again (byte for byte)
      --period YYYY-MM [--list [--batch N]]          what an export would write now, or the vouchers exported
      --mapping [--period P] | --accept-proposals [--account A,B] | --map ACCOUNT=CODE [--gl-name N] [--aux customer:ka,supplier,department]
      --chart FILE.xlsx | --items | --map-item ka|store|manufacturer|distributor:CODE=GLCODE [--gl-name N]
                                                    the chart-of-accounts mapping (科目对照) and 核算项目, --user U to change them
  ka-settle settings BOOK [--set KEY=JSON --user U]  tolerances, ageing buckets, hold mode, grading rules, accrual basis
  ka-settle serve [BOOK] [--port N]                 the window in your browser on 127.0.0.1 (prints its address with the token)
  ka-settle check BOOK                              prove the book sound: SQLite integrity, balanced postings,
                                                    open items tied to the ledger, audit chain intact

Every command takes --json for machine-readable output and --user NAME to name who acts (default: the
KA_SETTLE_USER environment variable, else the system user). Commands that sign (close, statement --confirm,
credit changes) check the user's password, read from KA_SETTLE_PASSWORD or the first line of standard input.
Exit status: 0 success, 1 a problem with the book or its input (the message names file, row and field),
2 a mistake in the command line.`;
