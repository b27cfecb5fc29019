import { readPdf } from '../../helpers/pdf-text.js';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowHash } from '../../../core/audit/audit-chain.js';
import { checkBook } from '../../../core/book/check-book.js';
import { openExistingBook } from '../../../core/book/open-book.js';
import { signOffHeads } from '../../../core/close/sign-offs.js';
import { checkAgainst, verifyEvidence, type ExternalEvidence } from '../../../core/integrity/against.js';
import { importFile } from '../../../core/import/import-file.js';
import { statementFooter, statementHtml } from '../../../core/statement/statement-html.js';
import { statementDocument } from '../../../core/statement/statement-service.js';
import { canonicalJson, sha256Hex } from '../../../core/canonical-json.js';
import type { AuditRow } from '../../../db/queries/audit.js';
import { printPdf } from '../../../services/print/chromium-pdf.js';
import { addPeople } from '../../helpers/people.js';
import { cleanMonth, closeMonth, usual } from '../../helpers/signed-months.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { track } from '../../helpers/temp-book.js';
import { createBook } from '../../../core/book/create-book.js';

/**
 * The attacker holds the book file and sqlite3: each case changes a copy of a book with August and
 * September signed and closed and October open, and `check` must show it. The last cases show the honest limit:
 * a chain rewritten whole (heads too) passes every check inside the book, and only a signed file that left it —
 * the statement PDF, the settlement package — shows it.
 */
let original: string;
let dir: string;
let pdf: string;

beforeAll(async () => {
  // A folder of this file's own: the helpers' temp folders go after each test, these stay for all of them.
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-tamper-'));
  const book = track(await createBook(join(dir, 'signed.kasettle'), 'tester'));
  const w = addSmallWorld(book);
  for (const p of ['2026-08', '2026-09']) cleanMonth(book, w, p);
  const people = addPeople(book);
  closeMonth(book, '2026-08', usual(people));
  closeMonth(book, '2026-09', usual(people));
  cleanMonth(book, w, '2026-10');
  expect(checkBook(book).checks.filter((c) => !c.ok)).toEqual([]);
  // The signed September statement leaves the book as a PDF.
  pdf = join(dir, 'D01-2026-09.pdf');
  const doc = statementDocument(book, '2026-09', 'D01');
  await printPdf(statementHtml(doc, { withDetails: false }), pdf, statementFooter(doc));
  original = book.path;
  book.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let copies = 0;
/** A copy of the signed book, changed with raw SQL as an attacker would, then opened through the product. */
async function tampered(sql: (db: Database.Database) => void) {
  const path = join(dir, `copy-${++copies}.kasettle`);
  copyFileSync(original, path);
  const db = new Database(path);
  sql(db);
  db.close();
  return track(await openExistingBook(path));
}

function failing(book: Awaited<ReturnType<typeof tampered>>) {
  return Object.fromEntries(checkBook(book).checks.filter((c) => !c.ok).map((c) => [c.name, (c.problems ?? []).map((p) => p.code)]));
}

/** Re-hashes the audit chain from row `from` with the project's own hash function, as a careful forger would. */
function rehash(db: Database.Database, from = 1) {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  let prev = '0'.repeat(64);
  for (const r of rows) {
    if (r.id >= from) {
      const hash = auditRowHash({ ...r, prev_hash: prev });
      update.run(prev, hash, r.id);
      prev = hash;
    } else prev = r.hash;
  }
}

const unlockAudit = 'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;';
const relockAudit = `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'immutable:audit_log'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'immutable:audit_log'); END;`;

describe('check shows tampering', () => {
  it('when the last audit rows are deleted', async () => {
    const book = await tampered((db) => db.exec(`${unlockAudit} DELETE FROM audit_log WHERE id > (SELECT max(id) - 3 FROM audit_log); ${relockAudit}`));
    expect(failing(book)['check.audit-coverage']).toEqual(['security.check-document-unaudited']);
  });

  it('when the audit rows back to before a sign-off are deleted', async () => {
    const book = await tampered((db) => db.exec(`${unlockAudit}
      DELETE FROM audit_log WHERE id > (SELECT chain_rows FROM sign_offs WHERE period = '2026-09' AND step = 'review'); ${relockAudit}`));
    expect(failing(book)['check.audit-heads']).toEqual(expect.arrayContaining(['security.check-head-missing', 'security.check-head-audit']));
  });

  it('when the whole audit log is deleted', async () => {
    const book = await tampered((db) => db.exec(`${unlockAudit} DELETE FROM audit_log; ${relockAudit}`));
    const f = failing(book);
    expect(f['check.audit-coverage']).toEqual(['security.check-audit-empty']);
    expect(f['check.audit-heads']).toContain('security.check-head-missing');
  });

  it('when a row is edited and the chain re-hashed with the project’s own hash function', async () => {
    const book = await tampered((db) => {
      db.exec(unlockAudit);
      db.exec("UPDATE audit_log SET actor = 'mallory' WHERE id = 5");
      rehash(db, 5);
      db.exec(relockAudit);
    });
    const f = failing(book);
    expect(f['check.audit-chain']).toBeUndefined();
    expect(f['check.audit-heads']).toContain('security.check-head-differs');
  });

  it('when a forged row is added after the sign-offs (a reopening nobody made)', async () => {
    const book = await tampered((db) => {
      const last = db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as AuditRow;
      const row = { at: new Date().toISOString(), actor: 'qian', action: 'reopen', entity: 'period', entity_key: '2026-09', before_json: null, after_json: '{"reason":"x"}', prev_hash: last.hash };
      db.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash) VALUES (@at, @actor, @action, @entity, @entity_key, @before_json, @after_json, @prev_hash, @hash)')
        .run({ ...row, hash: auditRowHash(row) });
    });
    const f = failing(book);
    expect(f['check.audit-chain']).toBeUndefined();
    expect(f['check.periods-audit']).toEqual(['security.check-period-state']);
  });

  it('when triggers are dropped or an index added', async () => {
    const book = await tampered((db) => db.exec('DROP TRIGGER documents_lock_insert; DROP TRIGGER audit_log_no_delete; CREATE INDEX sneaky ON documents(doc_no);'));
    expect(failing(book)['check.schema']).toEqual(expect.arrayContaining(['security.check-schema-missing', 'security.check-schema-extra']));
    expect(checkBook(book).checks.find((c) => c.name === 'check.schema')!.problems!.map((p) => p.params!.name).sort()).toEqual(['audit_log_no_delete', 'documents_lock_insert', 'sneaky']);
  });

  it('when a closed month is set open and back to closed around an import', async () => {
    const book = await tampered((db) => db.exec("UPDATE periods SET status = 'open' WHERE period IN ('2026-08', '2026-09')"));
    const file = join(dir, 'late-receipts.csv');
    writeFileSync(file, '验收单号,验收日期,订单号,门店编号,商品编码,验收数量,单价,金额\nYS-LATE-1,2026-09-20,PO-LATE,A021,P001,5,6.40,32.00\n');
    const r = await importFile(book, file, { kind: 'receipts', actor: 'wang', kaCode: 'RTM' });
    expect(r.committed).toBe(true);
    book.db.exec("UPDATE periods SET status = 'closed' WHERE period IN ('2026-08', '2026-09')");
    const f = failing(book);
    expect(f['check.periods-audit']).toContain('security.check-post-into-closed');
    // And the closed month's statement, built again, no longer equals its frozen copy.
    expect(f['check.closed-statements']).toEqual(['security.check-rebuild-differs']);
  });

  it('when a closed month’s statement figures are raised and its stored hash kept', async () => {
    const book = await tampered((db) => {
      db.exec('DROP TRIGGER settlement_statements_frozen');
      const s = db.prepare("SELECT id, content_json FROM settlement_statements WHERE period = '2026-09'").get() as { id: number; content_json: string };
      const content = JSON.parse(s.content_json) as { netDue: { fromManufacturer: number } };
      content.netDue.fromManufacturer += 100_000;
      db.prepare('UPDATE settlement_statements SET content_json = ? WHERE id = ?').run(canonicalJson(content), s.id);
    });
    const f = failing(book);
    expect(f['check.statement-hashes']).toEqual(['security.check-statement-hash']);
    expect(f['check.closed-statements']).toEqual(['security.check-rebuild-differs']);
    expect(f['check.schema']).toEqual(['security.check-schema-missing']);
  });

  it('passes an untouched copy, and the book agrees with the PDF that left it', async () => {
    const book = await tampered(() => {});
    expect(failing(book)).toEqual({});
    const { text } = await readPdf(pdf);
    const approve = signOffHeads(book, '2026-09').find((h) => h.step === 'approve')!;
    expect(text).toContain(`#${approve.chain.rows} ${approve.chain.hash.slice(0, 16)}`);
    const against = await checkAgainst(book, pdf);
    expect(against.map((c) => [c.name, c.ok])).toEqual([['check.against-statements', true], ['check.against-audit-heads', true]]);
  });
});

describe('the honest limit: a chain rewritten whole, heads and all', () => {
  it('passes every check inside the book, and is caught by the signed PDF and by the package’s heads', async () => {
    const before = track(await openExistingBook(original, { readonly: true }));
    // What a settlement package carries (hq/ packs these): the month's statements and sign-off heads.
    const evidence: ExternalEvidence = {
      statements: signOffHeads(before, '2026-09')[0]!.statements.map((s) => ({ ...s, period: '2026-09' })),
      heads: signOffHeads(before, '2026-09').map((h) => ({ period: h.period, step: h.step, rows: h.chain.rows, hash: h.chain.hash })),
    };
    expect(verifyEvidence(before, evidence).every((c) => c.ok)).toBe(true);
    before.close();

    const book = await tampered((db) => {
      db.exec(`${unlockAudit} DROP TRIGGER sign_offs_no_update;`);
      db.exec("UPDATE audit_log SET actor = 'mallory' WHERE id = 3");
      rehash(db, 3);
      // The forger also moves every recorded head to the new chain, then puts the locks back.
      for (const s of db.prepare('SELECT id, chain_rows FROM sign_offs').all() as { id: number; chain_rows: number }[]) {
        const hash = (db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(s.chain_rows) as { hash: string }).hash;
        db.prepare('UPDATE sign_offs SET chain_hash = ? WHERE id = ?').run(hash, s.id);
      }
      db.exec(`${relockAudit} CREATE TRIGGER sign_offs_no_update BEFORE UPDATE ON sign_offs
BEGIN SELECT RAISE(ABORT, 'immutable:sign_offs'); END;`);
    });
    expect(failing(book)).toEqual({});
    const against = await checkAgainst(book, pdf);
    expect(against.find((c) => c.name === 'check.against-audit-heads')).toMatchObject({ ok: false, problems: [{ code: 'security.against-head-differs' }, { code: 'security.against-head-differs' }, { code: 'security.against-head-differs' }] });
    expect(verifyEvidence(book, evidence).find((c) => c.name === 'check.against-audit-heads')!.ok).toBe(false);
    // The statement itself was not touched, so it still agrees.
    expect(against.find((c) => c.name === 'check.against-statements')!.ok).toBe(true);
    expect(sha256Hex(canonicalJson(statementDocument(book, '2026-09', 'D01').content))).toBe(evidence.statements[0]!.sha256);
  });
});
