import type { usageHelpZh } from '../zh/usage-help.js';

/** `ka-settle help` in English. */
export const usageHelpEn: Record<keyof typeof usageHelpZh, string> = {
  'usage.help': `ka-settle — settlement ledger for KA deliveries

Usage:
  ka-settle init BOOK [--name NAME]                 create an empty book
  ka-settle demo BOOK [--seed N] [--scale tiny|small|medium|large] [--from YYYY-MM] [--raw]
                                                    create a book filled with a year of demo business
  ka-settle import BOOK KIND FILE... [--ka CODE] [--date YYYY-MM-DD] [--mapping NAME] [--map "heading=field;..."]
                  [--save-mapping NAME] [--no-saved-mapping] [--date-order dmy|mdy]
                  [--learn-customers] [--customers FILE] [--allow-dates] [--dry-run] [--replace [--reason R]]
      KIND: manufacturers, distributors, ka-accounts, stores, products, prices, contracts, promotions,
            deliveries, receipts, returns, statements, deductions, remittances, manufacturer-credits
      Each file is one transaction: a file with any bad row imports nothing and every bad row is listed.
      FILE: .xlsx, .xls (BIFF8/BIFF5 or HTML), .csv/.tsv/.txt in UTF-8, UTF-16 or GB18030, or a .zip of them
      (each file in it imported on its own). --allow-dates confirms documents dated over a year before the
      book's first month or after today.
      A saved mapping is found by the file's headings and applied (--no-saved-mapping drops it); ERP customer
      codes the book does not know are listed with the store proposed (--learn-customers takes the proposals,
      --customers FILE names them: 客户编码, 系统, 门店编号).
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
                  | --enable NAME | --reset-password NAME | --set-role NAME --role R | --password
                  | --sessions | --revoke-sessions NAME     (new passwords from KA_SETTLE_NEW_PASSWORD)
  ka-settle login BOOK --user U [--hours N] [--no-save]   sign in once for a batch of commands (password from
                                                    KA_SETTLE_PASSWORD or standard input; default 12 hours)
  ka-settle logout BOOK                             end the saved session (or the one in KA_SETTLE_SESSION)
  ka-settle close BOOK --period YYYY-MM --prepare|--review|--approve|--reopen|--exceptions|--accept KEY|--accept-all
                  --user U [--reason R]
  ka-settle statement BOOK --period YYYY-MM --distributor CODE [--manufacturer CODE] [--version N]
                  --out FILE.xlsx|.pdf|.json [--details]
                  | --confirm manufacturer|ka:CODE --result confirmed|disputed [--reason R] --user U
  ka-settle ageing BOOK --as-of YYYY-MM-DD [--by ka|store|distributor|manufacturer] [--basis due|document|invoice]
  ka-settle credit BOOK [--as-of DATE] | --set-limit ka:CODE|distributor:CODE --amount A --reason R
                  | --override KA --until DATE --reason R | --dunning | --follow-up KA --note N
                  | --statement-of-account KA --out FILE.xlsx|.pdf | --watch | --history ka:CODE
  ka-settle invoices BOOK match --period YYYY-MM[..YYYY-MM] [--ka CODE] [--as-of DATE]
                                                    三单匹配: accepted − returns − 票扣 ↔ invoiced ↔ paid, differences explained
      fees --period …                               fee invoices: received, missing (with age), 票扣, red-letter expected
      to-invoice --period … [--out FILE.xlsx]       待开票清单: the invoices still to make, as a workbook to key from
      link --invoice NUMBER --document DOCNO [--amount YUAN] | unlink … --reason TEXT
      void --invoice NUMBER --reason TEXT | relink --period …   作废 (never deleted) / run the automatic linking again
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
  ka-settle check BOOK [--against FILE.pdf|.package] prove the book sound: SQLite integrity, balanced postings,
                                                    open items tied to the ledger, audit chain intact up to every
                                                    sign-off, statements, schema and months untampered; --against
                                                    checks the book against a signed statement that left it
  ka-settle package BOOK --period YYYY-MM --out FILE[.gz]   the signed settlement package of an approved month
                  | --public-key FILE | --verify FILE        the book's public key for the head office; check a package
  ka-settle hq SUBCOMMAND [--db postgres://…|FOLDER] [--user U]   the manufacturer's head office (总部):
      init                                          create or upgrade its schema (no --db: an embedded PGlite folder)
      users [--add NAME --role credit_controller|ka_manager|admin [--name N]] [--disable NAME]
      register KEYFILE...                           accept packages signed with a distributor book's key
      load FILE...                                  verify and load packages (one transaction each; exit 1 if any refused)
      exposure [--period P] | --set-limit KA --amount A --reason R      exposure, limits and grades per KA chain
      claims [--state S] [--distributor D] [--ka K] | --approve IDS | --reject IDS --reason R | --confirm IDS
             | --send-back IDS --reason R          the claims queue of every distributor, four eyes
      credits [--out-dir DIR [--date D] [--method cash|goods|invoice_discount] [--distributor D] | --again FILE-NO]
      rebates [--period P] | --contract FILE.json   national-contract rebates allocated back to distributors
      watch [--period P]                            cross-region price gaps and store order spikes (窜货)
      audit --from P --to P [--by ka|store|product] [--ka K]   the KA marketing audit
      missing --from P --to P                       distributors that have not sent an approved month
      check                                         the head office's audit chain

Every command takes --json for machine-readable output. In a book with users every write (import, reconcile
decisions, deductions, claims, accrue, credit, settings, users, close, statement --confirm) needs a proven user:
--user NAME with the password from KA_SETTLE_PASSWORD or the first line of standard input, or a session of
ka-settle login (saved for the book, or in KA_SETTLE_SESSION). A book without users is unprotected: its writes
say so and record --user, KA_SETTLE_USER or the system user unverified.
Exit status: 0 success, 1 a problem with the book or its input (the message names file, row and field),
2 a mistake in the command line.`,
};
