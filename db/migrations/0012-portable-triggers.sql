-- Every trigger of the book, as it stands from this version on, with constant messages.
--
-- Why: a book is the user's record for years and must open wherever SQLite opens. The period locks of 0003 (and those
-- of documents as 0011 recreated them) built their messages with an expression (RAISE(ABORT, 'period-closed:' ||
-- NEW.period)), which SQLite accepts only from 3.47 on; an older SQLite (Debian 12's sqlite3 3.40, most Python builds, database browsers)
-- then refuses the whole schema ("malformed database schema"), so the book could not be read at all. STRICT tables
-- (3.37) are the book's floor, and nothing in its schema may need a newer SQLite than that.
--
-- The messages are constant; db/errors.ts reads them, and the code that was writing names the period (it knows
-- the date of what it wrote). The conditions are unchanged: only the message text differs from what 0003 and 0011
-- created (0004, 0007, 0010 and 0011's correction triggers already had constant messages; they are restated here
-- so that this file is the whole set, and test/db/portable-schema.test.ts checks that it is).
--
--   period-closed             a row dated in a closed period (periods.status = 'closed') is written or changed
--   immutable:<table>         a posted row is changed or deleted (corrections are reversing documents)
--   correction:version-in-force   a new version of a document is posted while the previous one is in force
--   correction:not-a-mirror       a reversal is not the exact negative of an unreversed original
--
-- A later migration that changes a trigger (for speed, say) drops and recreates it under the same name, keeps its
-- message, and says so in its own comment; the list below is the book's whole set as of version 12.

-- 会计期间锁 (period lock): documents and what hangs off them.
DROP TRIGGER documents_lock_insert;
CREATE TRIGGER documents_lock_insert BEFORE INSERT ON documents
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed'); END;

DROP TRIGGER documents_lock_update;
CREATE TRIGGER documents_lock_update BEFORE UPDATE ON documents
WHEN (SELECT status FROM periods WHERE period = OLD.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed'); END;

DROP TRIGGER documents_immutable;
CREATE TRIGGER documents_immutable BEFORE UPDATE OF kind, natural_key, version, doc_no, doc_date, period,
  manufacturer_id, distributor_id, ka_account_id, store_id, total_fen, content_hash, reverses_id ON documents
BEGIN SELECT RAISE(ABORT, 'immutable:documents'); END;

DROP TRIGGER documents_no_delete;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'immutable:documents'); END;

-- Corrections (0011): one version of a key in force; a reversal mirrors its original and is never reversed.
DROP TRIGGER documents_version_after_reversal;
CREATE TRIGGER documents_version_after_reversal BEFORE INSERT ON documents
WHEN NEW.version > 1 AND NEW.reverses_id IS NULL AND NOT EXISTS (
  SELECT 1 FROM documents p JOIN documents r ON r.reverses_id = p.id
  WHERE p.kind = NEW.kind AND p.natural_key = NEW.natural_key AND p.version = NEW.version - 1)
BEGIN SELECT RAISE(ABORT, 'correction:version-in-force'); END;

DROP TRIGGER documents_reversal_mirrors;
CREATE TRIGGER documents_reversal_mirrors BEFORE INSERT ON documents
WHEN NEW.reverses_id IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM documents o WHERE o.id = NEW.reverses_id AND o.reverses_id IS NULL AND o.kind = NEW.kind
    AND o.total_fen = -NEW.total_fen)
BEGIN SELECT RAISE(ABORT, 'correction:not-a-mirror'); END;

DROP TRIGGER document_lines_lock_insert;
CREATE TRIGGER document_lines_lock_insert BEFORE INSERT ON document_lines
WHEN (SELECT p.status FROM documents d JOIN periods p ON p.period = d.period WHERE d.id = NEW.document_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed'); END;

DROP TRIGGER document_lines_no_update;
CREATE TRIGGER document_lines_no_update BEFORE UPDATE ON document_lines
BEGIN SELECT RAISE(ABORT, 'immutable:document_lines'); END;

DROP TRIGGER document_lines_no_delete;
CREATE TRIGGER document_lines_no_delete BEFORE DELETE ON document_lines
BEGIN SELECT RAISE(ABORT, 'immutable:document_lines'); END;

-- Entries (分录) and open items (未清项).
DROP TRIGGER entries_lock_insert;
CREATE TRIGGER entries_lock_insert BEFORE INSERT ON entries
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed'); END;

DROP TRIGGER entries_no_update;
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'immutable:entries'); END;

DROP TRIGGER entries_no_delete;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'immutable:entries'); END;

DROP TRIGGER open_items_lock_insert;
CREATE TRIGGER open_items_lock_insert BEFORE INSERT ON open_items
WHEN (SELECT p.status FROM documents d JOIN periods p ON p.period = d.period WHERE d.id = NEW.document_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed'); END;

DROP TRIGGER open_items_no_update;
CREATE TRIGGER open_items_no_update BEFORE UPDATE ON open_items
BEGIN SELECT RAISE(ABORT, 'immutable:open_items'); END;

DROP TRIGGER open_items_no_delete;
CREATE TRIGGER open_items_no_delete BEFORE DELETE ON open_items
BEGIN SELECT RAISE(ABORT, 'immutable:open_items'); END;

-- Clearings (核销) and their parts.
DROP TRIGGER clearings_lock_insert;
CREATE TRIGGER clearings_lock_insert BEFORE INSERT ON clearings
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed'); END;

DROP TRIGGER clearings_no_update;
CREATE TRIGGER clearings_no_update BEFORE UPDATE ON clearings
BEGIN SELECT RAISE(ABORT, 'immutable:clearings'); END;

DROP TRIGGER clearings_no_delete;
CREATE TRIGGER clearings_no_delete BEFORE DELETE ON clearings
BEGIN SELECT RAISE(ABORT, 'immutable:clearings'); END;

DROP TRIGGER clearing_parts_lock_insert;
CREATE TRIGGER clearing_parts_lock_insert BEFORE INSERT ON clearing_parts
WHEN (SELECT p.status FROM clearings c JOIN periods p ON p.period = c.period WHERE c.id = NEW.clearing_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed'); END;

DROP TRIGGER clearing_parts_no_update;
CREATE TRIGGER clearing_parts_no_update BEFORE UPDATE ON clearing_parts
BEGIN SELECT RAISE(ABORT, 'immutable:clearing_parts'); END;

DROP TRIGGER clearing_parts_no_delete;
CREATE TRIGGER clearing_parts_no_delete BEFORE DELETE ON clearing_parts
BEGIN SELECT RAISE(ABORT, 'immutable:clearing_parts'); END;

-- The audit log (审计日志) is append-only.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'immutable:audit_log'); END;

DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'immutable:audit_log'); END;

-- Approved settlement statements (结算单) never change; reopening supersedes them.
DROP TRIGGER settlement_statements_frozen;
CREATE TRIGGER settlement_statements_frozen BEFORE UPDATE ON settlement_statements
WHEN OLD.status = 'approved' AND NOT (NEW.status = 'superseded' AND NEW.content_json = OLD.content_json AND NEW.sha256 = OLD.sha256)
BEGIN SELECT RAISE(ABORT, 'immutable:settlement_statements'); END;

DROP TRIGGER settlement_statements_no_delete;
CREATE TRIGGER settlement_statements_no_delete BEFORE DELETE ON settlement_statements
BEGIN SELECT RAISE(ABORT, 'immutable:settlement_statements'); END;

-- Exported vouchers (凭证) are history handed to the general ledger.
DROP TRIGGER voucher_exports_no_update;
CREATE TRIGGER voucher_exports_no_update BEFORE UPDATE ON voucher_exports
BEGIN SELECT RAISE(ABORT, 'immutable:voucher_exports'); END;

DROP TRIGGER voucher_exports_no_delete;
CREATE TRIGGER voucher_exports_no_delete BEFORE DELETE ON voucher_exports
BEGIN SELECT RAISE(ABORT, 'immutable:voucher_exports'); END;

DROP TRIGGER vouchers_no_update;
CREATE TRIGGER vouchers_no_update BEFORE UPDATE ON vouchers
BEGIN SELECT RAISE(ABORT, 'immutable:vouchers'); END;

DROP TRIGGER vouchers_no_delete;
CREATE TRIGGER vouchers_no_delete BEFORE DELETE ON vouchers
BEGIN SELECT RAISE(ABORT, 'immutable:vouchers'); END;

DROP TRIGGER voucher_lines_no_update;
CREATE TRIGGER voucher_lines_no_update BEFORE UPDATE ON voucher_lines
BEGIN SELECT RAISE(ABORT, 'immutable:voucher_lines'); END;

DROP TRIGGER voucher_lines_no_delete;
CREATE TRIGGER voucher_lines_no_delete BEFORE DELETE ON voucher_lines
BEGIN SELECT RAISE(ABORT, 'immutable:voucher_lines'); END;

DROP TRIGGER voucher_documents_no_update;
CREATE TRIGGER voucher_documents_no_update BEFORE UPDATE ON voucher_documents
BEGIN SELECT RAISE(ABORT, 'immutable:voucher_documents'); END;

DROP TRIGGER voucher_documents_no_delete;
CREATE TRIGGER voucher_documents_no_delete BEFORE DELETE ON voucher_documents
BEGIN SELECT RAISE(ABORT, 'immutable:voucher_documents'); END;
