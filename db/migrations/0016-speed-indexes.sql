-- Speed (issue 18): the receipts a remittance's lines name, found by their number.
--
-- A remittance line names the receipt it pays by its number (rl.reference = d.doc_no, within the KA). With no index on
-- the number, a month's short-paid figure read every receivable of the book and, for each, every remittance of the
-- KA (1.8 s of a 3.7 s month on the large demo book, and growing with the book's age). The index is per document,
-- not per line, so an import pays for it once for every document.
--
-- Reserved number: 0017 on main (0016 is the invoices migration); renumbered when the branches meet.
CREATE INDEX documents_by_ka_number ON documents(ka_account_id, kind, doc_no);
