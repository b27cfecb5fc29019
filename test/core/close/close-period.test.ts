import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { acceptCloseExceptions, approvePeriod, closeExceptions, preparePeriod, reopenPeriod, reviewPeriod } from '../../../core/close/close-period.js';
import { importFile } from '../../../core/import/import-file.js';
import { decideResult } from '../../../core/reconcile/decide-result.js';
import { reconcilePeriod } from '../../../core/reconcile/reconcile-period.js';
import { buildStatement } from '../../../core/statement/build-statement.js';
import { recordConfirmation, statementDocument } from '../../../core/statement/statement-service.js';
import { accruePeriod } from '../../../core/terms/accrue-period.js';
import { hashPassword, verifyPassword } from '../../../core/users/passwords.js';
import { addUser, signIn } from '../../../core/users/users.js';
import { canonicalJson, sha256Hex } from '../../../core/canonical-json.js';
import { statementVersions } from '../../../db/queries/close.js';
import { getPeriod } from '../../../db/queries/periods.js';
import { delivery, post, receipt } from '../../helpers/documents.js';
import { addPeople } from '../../helpers/people.js';
import { importOk, SEP, sepBook } from '../../helpers/sep-book.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook, tempDir } from '../../helpers/temp-book.js';
import { said } from '../../helpers/said.js';
import { renderMessage } from '../../../locale/index.js';
import { codeOf } from '../../helpers/errors.js';

async function septemberBook() {
  const book = await sepBook();
  await importOk(book, 'deliveries', `${SEP}10-deliveries.csv`);
  await importOk(book, 'receipts', `${SEP}11-receipts-rtm.csv`);
  await importOk(book, 'receipts', `${SEP}12-receipts-met.xlsx`);
  await importOk(book, 'deductions', `${SEP}13-deductions-rtm.csv`, { date: '2026-09-30' });
  return { book, people: addPeople(book) };
}

/** Prepare as the accountant does: try, see the exceptions, accept them with a reason, prepare. */
function prepareAccepting(book: Awaited<ReturnType<typeof septemberBook>>['book'], people: ReturnType<typeof addPeople>, reason: string) {
  expect(said(() => preparePeriod(book, '2026-09', people.wang))).toMatch(/还有 \d+ 个未解决的例外/);
  acceptCloseExceptions(book, '2026-09', 'all', reason, people.wang);
  return preparePeriod(book, '2026-09', people.wang);
}

describe('users and passwords', () => {
  it('keep only scrypt hashes, and check them', () => {
    const h = hashPassword('秘密-password');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(h).not.toContain('password');
    expect(verifyPassword('秘密-password', h)).toBe(true);
    expect(verifyPassword('秘密-passwore', h)).toBe(false);
    expect(hashPassword('same')).not.toBe(hashPassword('same'));
  });

  it('make the first user the admin, and let only an admin add others', async () => {
    const book = await tempBook();
    expect(said(() => addUser(book, null, { username: 'wang', role: 'accountant', password: 'wang-pass-1' }))).toMatch(/第一个用户是它的管理员/);
    addUser(book, null, { username: 'admin', role: 'admin', password: 'admin-pass-1' });
    expect(codeOf(() => addUser(book, null, { username: 'wang', role: 'accountant', password: 'wang-pass-1' }))).toBe('security.sign-in-required');
    const admin = signIn(book, 'admin', 'admin-pass-1');
    addUser(book, admin, { username: 'wang', role: 'accountant', password: 'wang-pass-1' });
    const wang = signIn(book, 'wang', 'wang-pass-1');
    expect(codeOf(() => addUser(book, wang, { username: 'xu', role: 'manager', password: 'xu-pass-123' }))).toBe('security.forbidden');
    expect(codeOf(() => signIn(book, 'wang', 'nope'))).toBe('security.sign-in-failed');
    expect(codeOf(() => signIn(book, 'wang', undefined))).toBe('security.password-needed');
  });
});

describe('month-end close', () => {
  it('prepares, reviews and approves with three different people, then locks the month everywhere', async () => {
    const { book, people } = await septemberBook();
    expect(codeOf(() => preparePeriod(book, '2026-09', people.li))).toBe('security.forbidden');
    expect(codeOf(() => preparePeriod(book, '2026-09', people.wang))).toBe('close.blocking');
    const open = closeExceptions(book, '2026-09');
    expect(open.map((e) => e.key.split(':')[0])).toEqual(['delivery', 'delivery', 'delivery']);
    // The refused preparation kept nothing of its reconciliation: the accountant reconciles, explains the short
    // line, and accepts the rest with a reason.
    expect(() => decideResult(book, Number(open[0]!.key.split(':')[1]), { decision: 'annotated', note: 'x' }, 'wang')).toThrow(expect.objectContaining({ code: 'reconcile.no-result' }));
    reconcilePeriod(book, { period: '2026-09', actor: 'wang' });
    decideResult(book, Number(open[0]!.key.split(':')[1]), { decision: 'annotated', note: 'one case broken in transit, KA credit note pending' }, 'wang');
    expect(acceptCloseExceptions(book, '2026-09', 'all', 'price and missing receipt agreed with Metro for October', people.wang)).toBe(2);
    const prepared = preparePeriod(book, '2026-09', people.wang);
    expect(prepared.statements).toMatchObject([{ distributor: 'D01', version: 1 }]);

    expect(codeOf(() => reviewPeriod(book, '2026-09', people.wang))).toBe('security.forbidden');
    expect(codeOf(() => approvePeriod(book, '2026-09', people.zhao))).toBe('close.wrong-status');
    reviewPeriod(book, '2026-09', people.li);
    expect(codeOf(() => approvePeriod(book, '2026-09', people.wang))).toBe('security.forbidden');
    approvePeriod(book, '2026-09', people.zhao);
    expect(getPeriod(book, '2026-09')?.status).toBe('closed');
    const [v1] = statementVersions(book, '2026-09', 1);
    expect(v1).toMatchObject({ status: 'approved', prepared_by: 'wang', reviewed_by: 'li', approved_by: 'zhao', sha256: prepared.statements[0]!.sha256 });

    // Locked: a posting, an import, an accrual, a reconciliation and a decision dated in it are all refused, naming the period.
    const w = { manufacturerId: 1, distributorId: 1, rtm: 1, met: 2, a021: 1, s11: 3, p001: 1, p003: 3 } as never;
    expect(said(() => post(book, receipt(w, 'YS-LATE', '2026-09-29', 'PO-LATE', [[1, 1, 64_000]])))).toMatch(/2026-09 已结账/);
    const lateFile = join(tempDir(), 'late.csv');
    writeFileSync(lateFile, '送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额\nXS2609099,2026-09-28,RT0928001,A021,P001,24,6.40,153.60\n');
    const late = await importFile(book, lateFile, { kind: 'deliveries', actor: 'wang' });
    expect(late.committed).toBe(false);
    expect(renderMessage('zh', late.errors[0]!.reason)).toMatch(/2026-09 已结账/);
    expect(said(() => accruePeriod(book, '2026-09', 'wang'))).toMatch(/2026-09 已结账：本月的计提不能再改动/);
    expect(said(() => reconcilePeriod(book, { period: '2026-09', actor: 'wang' }))).toMatch(/2026-09 已结账：本月的对账不能再改动/);
    expect(said(() => decideResult(book, Number(open[1]!.key.split(':')[1]), { decision: 'confirmed' }, 'wang'))).toMatch(/2026-09 已结账/);
    expect(checkBook(book).ok).toBe(true);
  });

  it('never lets the admin sign any step (test/core/close/four-eyes.test.ts has the rest of four eyes)', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    const people = addPeople(book);
    post(book, delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 10, 64_000]]), receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 10, 64_000]]));
    expect(codeOf(() => preparePeriod(book, '2026-09', people.admin, '2026-10-05'))).toBe('security.admin-not-signer');
    preparePeriod(book, '2026-09', people.wang, '2026-10-05');
    expect(codeOf(() => reviewPeriod(book, '2026-09', people.admin))).toBe('security.admin-not-signer');
    reviewPeriod(book, '2026-09', people.li);
    expect(codeOf(() => approvePeriod(book, '2026-09', people.admin))).toBe('security.admin-not-signer');
    approvePeriod(book, '2026-09', people.zhao);
    expect(getPeriod(book, '2026-09')?.status).toBe('closed');
  });

  it('is reopened only by a manager or admin who did not sign it, with a reason; the next preparation makes version 2 and keeps version 1', async () => {
    const { book, people } = await septemberBook();
    prepareAccepting(book, people, 'accepted for the test');
    reviewPeriod(book, '2026-09', people.li);
    approvePeriod(book, '2026-09', people.zhao);
    expect(codeOf(() => reopenPeriod(book, '2026-09', people.zhao, 'x'))).toBe('security.signer-may-not-undo');
    expect(codeOf(() => reopenPeriod(book, '2026-09', people.wang, 'x'))).toBe('security.forbidden');
    expect(codeOf(() => reopenPeriod(book, '2026-09', people.admin, ' '))).toBe('security.reason-needed');
    reopenPeriod(book, '2026-09', people.admin, 'Metro receipt found after close');
    expect(book.db.prepare("SELECT action, actor, after_json FROM audit_log WHERE action = 'reopen'").get()).toMatchObject({ actor: 'admin', after_json: expect.stringContaining('Metro receipt found after close') });
    preparePeriod(book, '2026-09', people.wang); // the exceptions were accepted once, and stay accepted
    const versions = statementVersions(book, '2026-09', 1);
    expect(versions.map((v) => [v.version, v.status])).toEqual([[2, 'prepared'], [1, 'superseded']]);
    expect(statementDocument(book, '2026-09', 'D01', undefined, 1)).toMatchObject({ version: 1, status: 'superseded' });
  });

  it('refuses to sign figures that changed after preparation', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    const people = addPeople(book);
    post(book, delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 10, 64_000]]), receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 10, 64_000]]));
    preparePeriod(book, '2026-09', people.wang, '2026-10-05');
    post(book, receipt(w, 'YS2', '2026-09-20', 'PO2', [[w.p001, 5, 64_000]]));
    expect(said(() => reviewPeriod(book, '2026-09', people.li))).toMatch(/编制后数字有变化/);
  });

  it('gives a statement a hash that is stable across runs and changed by any figure', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    post(book, delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 10, 64_000]]), receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 10, 64_000]]));
    reconcilePeriod(book, { period: '2026-09', actor: 'a', asOf: '2026-10-01' });
    const hash = () => sha256Hex(canonicalJson(buildStatement(book, '2026-09', 'D01')));
    const first = hash();
    expect(hash()).toBe(first);
    post(book, receipt(w, 'YS2', '2026-09-20', 'PO2', [[w.p001, 1, 64_000]]));
    expect(hash()).not.toBe(first);
  });

  it('records the counterparty’s confirmation against the statement version', async () => {
    const { book, people } = await septemberBook();
    prepareAccepting(book, people, 'accepted');
    recordConfirmation(book, '2026-09', 'D01', { party: 'manufacturer', result: 'confirmed' }, people.li);
    expect(said(() => recordConfirmation(book, '2026-09', 'D01', { party: 'ka', kaCode: 'MET', result: 'disputed' }, people.wang))).toMatch(/有异议需要写明理由/);
    recordConfirmation(book, '2026-09', 'D01', { party: 'ka', kaCode: 'MET', result: 'disputed', reasons: 'P002 price 6.90 per Metro' }, people.wang);
    const doc = statementDocument(book, '2026-09', 'D01');
    expect(doc.confirmations).toMatchObject([{ party: 'manufacturer', result: 'confirmed' }, { party: 'ka', ka: 'MET', result: 'disputed', reasons: 'P002 price 6.90 per Metro' }]);
  });
});
