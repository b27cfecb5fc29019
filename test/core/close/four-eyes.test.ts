import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvePeriod, preparePeriod, reopenPeriod, reviewPeriod } from '../../../core/close/close-period.js';
import { signOffHeads } from '../../../core/close/sign-offs.js';
import { importFile } from '../../../core/import/import-file.js';
import { addUser, changeRole, disableUser, enableUser, resetPassword, signIn } from '../../../core/users/users.js';
import { auditRow } from '../../../db/queries/audit.js';
import { getPeriod } from '../../../db/queries/periods.js';
import { post, receipt } from '../../helpers/documents.js';
import { codeOf } from '../../helpers/errors.js';
import { addPeople } from '../../helpers/people.js';
import { cleanMonth, closeMonth, dayAfter, usual } from '../../helpers/signed-months.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook, tempDir } from '../../helpers/temp-book.js';
import { renderMessage } from '../../../locale/index.js';

async function bookWith(...periods: string[]) {
  const book = await tempBook();
  const w = addSmallWorld(book);
  for (const p of periods) cleanMonth(book, w, p);
  return { book, w, people: addPeople(book) };
}

describe('four eyes', () => {
  it('never lets the admin sign, and needs three different people in their own roles', async () => {
    const { book, people } = await bookWith('2026-08');
    expect(codeOf(() => preparePeriod(book, '2026-08', people.admin, '2026-09-05'))).toBe('security.admin-not-signer');
    preparePeriod(book, '2026-08', people.wang, '2026-09-05');
    // The preparer given the reviewer's role is still the preparer: refused, saying which step they did.
    changeRole(book, people.admin, 'wang', 'credit_controller');
    const wangAsReviewer = signIn(book, 'wang', 'wang-pass-1');
    const e = (() => {
      try {
        reviewPeriod(book, '2026-08', wangAsReviewer);
      } catch (x) {
        return x as { code: string; params: Record<string, unknown> };
      }
      return null;
    })();
    expect(e).toMatchObject({ code: 'security.same-signer', params: { user: 'wang', period: '2026-08', done: 'prepare' } });
    // A sign-in made before the role changed is stale: refused as such.
    expect(codeOf(() => reviewPeriod(book, '2026-08', people.wang))).toBe('security.user-changed');
    reviewPeriod(book, '2026-08', people.li);
    approvePeriod(book, '2026-08', people.zhao);
    expect(getPeriod(book, '2026-08')?.status).toBe('closed');

    // Each sign-off kept the chain's head it saw, and its own audit row follows that head directly.
    const heads = signOffHeads(book, '2026-08');
    expect(heads.map((h) => [h.step, h.user])).toEqual([['prepare', 'wang'], ['review', 'li'], ['approve', 'zhao']]);
    for (const h of heads) {
      expect(auditRow(book, h.chain.rows)!.hash).toBe(h.chain.hash);
      expect(auditRow(book, h.chain.rows + 1)).toMatchObject({ action: h.step, actor: h.user, entity: 'period', entity_key: '2026-08' });
    }
    expect(heads[0]!.statements).toMatchObject([{ distributor: 'D01', version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  it('refuses a signer who created, enabled or last set the password of another signer of the month', async () => {
    const { book, people } = await bookWith('2026-08', '2026-09', '2026-10');
    // A second admin, later made a manager, who once had a hand in other accounts.
    addUser(book, people.admin, { username: 'boss', role: 'admin', password: 'boss-pass-1' });
    const boss = signIn(book, 'boss', 'boss-pass-1');
    addUser(book, boss, { username: 'acct2', role: 'accountant', password: 'acct2-pass-1' });
    changeRole(book, people.admin, 'boss', 'manager');
    const bossManager = signIn(book, 'boss', 'boss-pass-1');
    const acct2 = signIn(book, 'acct2', 'acct2-pass-1');

    preparePeriod(book, '2026-08', acct2, dayAfter('2026-08'));
    reviewPeriod(book, '2026-08', people.li);
    const refused = (() => {
      try {
        approvePeriod(book, '2026-08', bossManager);
      } catch (x) {
        return x as { code: string; params: Record<string, unknown> };
      }
      return null;
    })();
    expect(refused).toMatchObject({ code: 'security.signer-related', params: { user: 'boss', step: 'approve', actor: 'boss', relation: 'created', target: 'acct2' } });
    expect(getPeriod(book, '2026-08')?.status).toBe('reviewed');
    approvePeriod(book, '2026-08', people.zhao);

    // The same for one who last set another signer's password, or re-enabled their account.
    changeRole(book, people.admin, 'boss', 'admin');
    const bossAdmin = signIn(book, 'boss', 'boss-pass-1');
    resetPassword(book, bossAdmin, 'li', 'li-pass-2');
    changeRole(book, people.admin, 'boss', 'manager');
    const li2 = signIn(book, 'li', 'li-pass-2');
    preparePeriod(book, '2026-09', people.wang, dayAfter('2026-09'));
    reviewPeriod(book, '2026-09', li2);
    expect(codeOf(() => approvePeriod(book, '2026-09', signIn(book, 'boss', 'boss-pass-1')))).toBe('security.signer-related');
    approvePeriod(book, '2026-09', people.zhao);

    changeRole(book, people.admin, 'boss', 'admin');
    const bossAdmin2 = signIn(book, 'boss', 'boss-pass-1');
    disableUser(book, bossAdmin2, 'wang');
    enableUser(book, bossAdmin2, 'wang');
    changeRole(book, people.admin, 'boss', 'manager');
    preparePeriod(book, '2026-10', signIn(book, 'wang', 'wang-pass-1'), dayAfter('2026-10'));
    reviewPeriod(book, '2026-10', li2);
    const enabled = (() => {
      try {
        approvePeriod(book, '2026-10', signIn(book, 'boss', 'boss-pass-1'));
      } catch (x) {
        return (x as { params: Record<string, unknown> }).params;
      }
      return null;
    })();
    expect(enabled).toMatchObject({ relation: 'enabled', actor: 'boss', target: 'wang' });
    // The admin made everyone, but never signs: the usual three still close the month.
    approvePeriod(book, '2026-10', people.zhao);
  });

  it('reopens a closed month only by a manager or admin who signed none of it, with the reason in the audit log', async () => {
    const { book, people } = await bookWith('2026-08');
    closeMonth(book, '2026-08', usual(people));
    expect(codeOf(() => reopenPeriod(book, '2026-08', people.zhao, 'receipt found late'))).toBe('security.signer-may-not-undo');
    expect(codeOf(() => reopenPeriod(book, '2026-08', people.li, 'receipt found late'))).toBe('security.forbidden');
    addUser(book, people.admin, { username: 'qian', role: 'manager', password: 'qian-pass-1' });
    const qian = signIn(book, 'qian', 'qian-pass-1');
    expect(codeOf(() => reopenPeriod(book, '2026-08', qian, '  '))).toBe('security.reason-needed');
    reopenPeriod(book, '2026-08', qian, 'Metro receipt found after close');
    expect(book.db.prepare("SELECT actor, after_json FROM audit_log WHERE action = 'reopen'").get()).toMatchObject({ actor: 'qian', after_json: expect.stringContaining('Metro receipt found after close') });
    // The new round is signed afresh, by people who may again be the earlier signers.
    closeMonth(book, '2026-08', usual(people));
    expect(signOffHeads(book, '2026-08').map((h) => h.round)).toEqual([2, 2, 2]);
  });
});

describe('months close in order', () => {
  it('refuses to close September while August is open, and keeps closed months from changing under later imports', async () => {
    const { book, w, people } = await bookWith('2026-08', '2026-09');
    // The case: September closed while August was open.
    expect(codeOf(() => preparePeriod(book, '2026-09', people.wang, '2026-10-05'))).toBe('security.earlier-month-open');
    preparePeriod(book, '2026-08', people.wang, '2026-09-05');
    preparePeriod(book, '2026-09', people.wang, '2026-10-05');
    reviewPeriod(book, '2026-09', people.li);
    expect(codeOf(() => approvePeriod(book, '2026-09', people.zhao))).toBe('security.earlier-month-open');
    reviewPeriod(book, '2026-08', people.li);
    approvePeriod(book, '2026-08', people.zhao);
    approvePeriod(book, '2026-09', people.zhao);

    // Reopening goes the other way: the later month first.
    addUser(book, people.admin, { username: 'qian', role: 'manager', password: 'qian-pass-1' });
    const qian = signIn(book, 'qian', 'qian-pass-1');
    expect(codeOf(() => reopenPeriod(book, '2026-08', qian, 'fix'))).toBe('security.later-month-closed');

    // Nothing may be dated before a closed month any more — not through an import, a posting or raw SQL.
    const file = join(tempDir(), 'deductions-july.csv');
    writeFileSync(file, '扣款单号,门店编号,费用项目,扣款金额,扣款方式,备注\nKF2607-01,A021,条码费,"1,600.00",账扣,七月补扣\n');
    const late = await importFile(book, file, { kind: 'deductions', actor: 'wang', date: '2026-07-31', kaCode: 'RTM' });
    expect(late.committed).toBe(false);
    expect(renderMessage('en', late.errors[0]!.reason)).toMatch(/2026-08 is closed: .* dated 2026-07-31 is before it/);
    expect(codeOf(() => post(book, receipt(w, 'YS-JULY', '2026-07-20', 'PO-JULY', [[w.p001, 1, 64_000]])))).toBe('security.period-before-closed-document');
    const raw = new Database(book.path);
    expect(() => raw.prepare(`INSERT INTO documents (kind, natural_key, doc_no, doc_date, period, total_fen, content_hash, created_by, created_at)
      VALUES ('adjustment', 'X|1', '1', '2026-07-01', '2026-07', 0, 'x', 'raw', 'now')`).run()).toThrow(/period-closed/);
    raw.close();
    expect(getPeriod(book, '2026-07')).toBeUndefined();
  });
});
