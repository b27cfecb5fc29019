import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../core/audit/audit-chain.js';
import { checkBook } from '../../../core/book/check-book.js';
import { postDocuments } from '../../../core/ledger/post-documents.js';
import { openBook } from '../../../db/connection.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook, track } from '../../helpers/temp-book.js';
import { renderMessage } from '../../../locale/index.js';

async function bookWithHistory() {
  const book = await tempBook();
  const w = addSmallWorld(book);
  const drafts = [1, 2, 3].map((n) => ({
    kind: 'remittance' as const, naturalKey: `RTM|FK${n}`, docNo: `FK${n}`, docDate: '2026-09-20', kaAccountId: w.rtm, method: 'direct',
    lines: [{ amount: 1_000 * n }],
  }));
  postDocuments(book, drafts, 'accountant', { kind: 'user', description: 'remittances' });
  return book;
}

/** Tampering as an attacker with the file would: the append-only triggers dropped first. */
function tamper(path: string, sql: string): void {
  const raw = new Database(path);
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  raw.exec(sql);
  raw.close();
}

describe('the audit log', () => {
  it('records who did what, with the change, chained row to row', async () => {
    const book = await bookWithHistory();
    const rows = book.db.prepare('SELECT actor, action, entity, entity_key, after_json FROM audit_log ORDER BY id').all() as { actor: string; action: string; entity: string; entity_key: string; after_json: string }[];
    expect(rows[0]).toMatchObject({ action: 'create', entity: 'book' });
    expect(rows.at(-1)).toMatchObject({ actor: 'accountant', action: 'post', entity: 'document', entity_key: 'remittance:RTM|FK3' });
    expect(JSON.parse(rows.at(-1)!.after_json)).toMatchObject({ total: 3_000, lines: 1 });
    expect(verifyAuditChain(book)).toMatchObject({ ok: true, rows: rows.length });
  });

  it('cannot be changed or deleted through SQL while its triggers stand', async () => {
    const book = await bookWithHistory();
    expect(() => book.db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/immutable:audit_log/);
    expect(() => book.db.prepare('DELETE FROM audit_log').run()).toThrow(/immutable:audit_log/);
  });

  it.each([
    ['a changed value', "UPDATE audit_log SET after_json = replace(after_json, '2000', '2001') WHERE entity_key = 'remittance:RTM|FK2'", '内容与其哈希不符'],
    ['a changed actor', "UPDATE audit_log SET actor = 'someone else' WHERE id = 3", '内容与其哈希不符'],
    ['a removed row', 'DELETE FROM audit_log WHERE id = 4', '第 4 行缺失'],
    ['a recomputed hash without relinking', "UPDATE audit_log SET hash = (CASE WHEN substr(hash, 1, 1) = 'f' THEN 'e' ELSE 'f' END) || substr(hash, 2) WHERE id = 5", '内容与其哈希不符'],
  ])('is found broken after %s, and `check` fails', async (_what, sql, reason) => {
    const book = await bookWithHistory();
    const path = book.path;
    book.close();
    tamper(path, sql);
    const reopened = track(await openBook(path));
    const verdict = verifyAuditChain(reopened);
    expect(verdict.ok).toBe(false);
    expect(renderMessage('zh', verdict.brokenAt!.reason)).toContain(reason);
    const report = checkBook(reopened);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'check.audit-chain')!.ok).toBe(false);
  });
});

describe('the hash of an audit row', () => {
  it('is the SHA-256 of the canonical JSON of its fields, as books written before have it', async () => {
    const { auditRowHash } = await import('../../../core/audit/audit-chain.js');
    const { canonicalJson, sha256Hex } = await import('../../../core/canonical-json.js');
    const fc = (await import('fast-check')).default;
    const text = fc.string({ unit: fc.constantFrom('a', '中', '"', '\\', '\n', '\u2028', '{', '}', ' ', '0') });
    fc.assert(fc.property(text, text, text, text, fc.option(text), fc.option(text), (at, actor, key, prev, before, after) => {
      const row = { prev_hash: prev, at, actor, action: 'post', entity: 'document', entity_key: key, before_json: before, after_json: after };
      expect(auditRowHash(row)).toBe(sha256Hex(canonicalJson([row.prev_hash, row.at, row.actor, row.action, row.entity, row.entity_key, row.before_json, row.after_json])));
    }), { numRuns: 300 });
  });
});
