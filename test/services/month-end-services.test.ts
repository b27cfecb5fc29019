import { existsSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../bridge/dispatch.js';
import { serviceContract, type ServiceName } from '../../contract/service-contract.js';
import { BookSession } from '../../services/book-session.js';
type DispatchContext = Parameters<typeof dispatch>[0];

let dir: string;
let ctx: DispatchContext;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-month-'));
  ctx = { session: new BookSession(dir, 'os:tester'), control: {} };
  await call('app.createBook', { path: join(dir, 'demo.kasettle'), demo: true });
}, 60_000);
afterAll(() => {
  ctx.session.close();
  rmSync(dir, { recursive: true, force: true });
});

async function attempt(method: ServiceName, args: unknown) {
  return dispatch(ctx, method, args);
}
async function call(method: ServiceName, args: unknown): Promise<any> {
  const out = await attempt(method, args);
  if (!out.ok) throw new Error(`${method}: ${JSON.stringify(out.error)}`);
  const checked = serviceContract[method].result.safeParse(out.result);
  expect(checked.success, `${method} result: ${checked.success ? '' : JSON.stringify(checked.error.issues.slice(0, 3))}`).toBe(true);
  return out.result;
}
const as = async (username: string) => call('session.signIn', { username, password: `${username}-password` });

describe('the month end through the service contract', () => {
  it('sets up users, and needs a signed-in user for sign-offs', async () => {
    expect((await call('app.state', {})).book.hasUsers).toBe(false);
    await call('users.add', { username: 'admin', role: 'admin', password: 'admin-password' });
    expect((await attempt('users.add', { username: 'wang', role: 'accountant', password: 'wang-password' }))).toMatchObject({ ok: false, status: 401, error: { code: 'security.sign-in-required' } });
    await as('admin');
    for (const [username, role] of [['wang', 'accountant'], ['zhao', 'credit_controller'], ['liu', 'manager']] as const) {
      await call('users.add', { username, role, password: `${username}-password` });
    }
    expect((await call('users.list', {})).rows.map((u: { username: string }) => u.username).sort()).toEqual(['admin', 'liu', 'wang', 'zhao']);
    await call('users.add', { username: 'temp', role: 'accountant', password: 'temp-password' });
    await call('users.disable', { username: 'temp' });
    expect(await attempt('session.signIn', { username: 'temp', password: 'temp-password' })).toMatchObject({ ok: false, error: { code: 'security.sign-in-failed' } });
    await call('users.password', { password: 'admin-password-2' });
    await call('session.signOut', {});
    await call('session.signIn', { username: 'admin', password: 'admin-password-2' });
    await call('users.password', { password: 'admin-password' });
    await call('session.signOut', {});
    // In a book with users every write needs a signed-in user: a sign-off, and equally a reconciliation or a claim move.
    expect(await attempt('close.prepare', { period: '2026-10' })).toMatchObject({ ok: false, error: { code: 'security.sign-in-required' } });
    expect(await attempt('reconcile.run', { period: '2026-10' })).toMatchObject({ ok: false, error: { code: 'security.sign-in-required', params: { what: 'reconcile' } } });
    expect(await attempt('claims.move', { id: 1, to: 'approved' })).toMatchObject({ ok: false, error: { code: 'security.sign-in-required', params: { what: 'claims.approve' } } });
    expect(await attempt('session.signIn', { username: 'wang', password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'security.sign-in-failed', field: 'password' } });
    expect((await as('wang')).user).toMatchObject({ username: 'wang', role: 'accountant' });
    expect((await call('app.state', {})).user).toMatchObject({ username: 'wang' });
  });

  it('reclassifies a deduction with a rule, moves a claim, accrues and explains the terms', async () => {
    await call('reconcile.run', { period: '2026-10', asOf: '2026-11-05' });
    const deductions = (await call('fees.deductions', { period: '2026-10', limit: 1000 })).rows;
    const disputed = deductions.find((d: { disputed: number; fee_type: string | null }) => d.disputed === 1 && d.fee_type === null) ?? deductions.find((d: { disputed: number }) => d.disputed === 1);
    expect(disputed).toBeDefined();
    await call('fees.reclassify', { lineId: disputed.line_id, feeType: 'display', saveRule: true });
    const after = (await call('fees.deductions', { period: '2026-10', limit: 1000 })).rows.find((d: { line_id: number }) => d.line_id === disputed.line_id);
    expect(after).toMatchObject({ fee_type: 'display', classified_by: expect.stringMatching(/user|rule|manual/) });

    const claims = await call('claims.list', { status: 'draft' });
    const claim = claims.claims[0];
    expect(claim).toBeDefined();
    expect((await call('claims.move', { id: claim.id, to: 'submitted', date: '2026-11-06' })).status).toBe('submitted');
    // Approving a claim is the credit controller's (or a manager's), not the accountant's.
    expect(await attempt('claims.move', { id: claim.id, to: 'approved', date: '2026-11-08' })).toMatchObject({ ok: false, status: 403, error: { code: 'security.forbidden' } });
    await as('zhao');
    expect((await call('claims.move', { id: claim.id, to: 'approved', date: '2026-11-08' })).status).toBe('approved');
    await as('wang');
    const detail = (await call('claims.get', { id: claim.id })).claim;
    expect(detail).toMatchObject({ status: 'approved', attachments: [] });
    // Evidence comes from a file the user chose (the dialog or the bridge grants it), never a path a page names.
    expect(await attempt('claims.attach', { id: claim.id, path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'security.path-not-allowed' } });
    const notice = join(dir, '扣款通知.txt');
    writeFileSync(notice, '大润发扣款通知');
    ctx.session.grants.grant(notice, 'read');
    const attached = await call('claims.attach', { id: claim.id, path: notice });
    expect(attached.attachments[0]).toMatchObject({ name: '扣款通知.txt' });
    expect((await call('claims.attach', { id: claim.id, path: notice })).attachments.map((a: { name: string }) => a.name)).toEqual(['扣款通知 (2).txt', '扣款通知.txt']);
    await call('credits.list', {});

    const accrued = await call('terms.accrue', { period: '2026-10' });
    expect(accrued.period).toBe('2026-10');
    expect((await call('terms.accruals', { period: '2026-10' })).rows.length).toBeGreaterThan(0);
    const contracts = (await call('terms.contracts', {})).rows;
    const explained = await call('terms.explain', { contract: contracts[0].code, period: '2026-10' });
    expect(explained.contract).toBe(contracts[0].code);
  });

  it('prepares as one user, refuses the same user’s sign-off, reviews and approves as others, then locks the month', async () => {
    // Months close in order: October waits for the demo's first month, November 2025, which is closed here.
    expect(await attempt('close.prepare', { period: '2026-10', asOf: '2026-11-05' })).toMatchObject({ ok: false, error: { code: 'security.earlier-month-open', params: { earlier: '2025-11' } } });
    const status = await call('close.status', { period: '2025-11' });
    expect(status.status).toBe('open');
    await call('reconcile.run', { period: '2025-11', asOf: '2025-12-05' });
    await call('close.accept', { period: '2025-11', keys: 'all', reason: '已与门店和厂家确认' });
    const prepared = await call('close.prepare', { period: '2025-11', asOf: '2025-12-05' });
    expect(prepared.statements.length).toBe(4);
    expect(await attempt('close.review', { period: '2025-11' })).toMatchObject({ ok: false, error: { code: 'security.forbidden' } });
    await as('zhao');
    expect(await attempt('close.review', { period: '2025-11' })).toMatchObject({ ok: true });
    await as('wang');
    expect(await attempt('close.approve', { period: '2025-11' })).toMatchObject({ ok: false, error: { code: 'security.forbidden' } });
    await as('admin');
    expect(await attempt('close.approve', { period: '2025-11' })).toMatchObject({ ok: false, status: 403, error: { code: 'security.forbidden' } });
    await as('liu');
    const approved = await call('close.approve', { period: '2025-11' });
    expect(approved.status).toBe('closed');
    expect(existsSync(approved.backup)).toBe(true);

    const preview = await call('statement.preview', { period: '2025-11', distributor: 'D01' });
    expect(preview.html).toContain('结算单');
    expect(preview.status).toBe('approved');
    const xlsx = await call('statement.export', { period: '2025-11', distributor: 'D01', format: 'xlsx' });
    expect(existsSync(xlsx.file)).toBe(true);
    // Exports go where a dialog chose or into the book's exports/ folder, and never over a file already there.
    expect(await attempt('statement.export', { period: '2025-11', distributor: 'D01', format: 'xlsx', path: join(dir, 'anywhere.xlsx') })).toMatchObject({ ok: false, error: { code: 'security.path-not-allowed' } });
    expect(await attempt('statement.export', { period: '2025-11', distributor: 'D01', format: 'xlsx', path: xlsx.file })).toMatchObject({ ok: false, error: { code: 'security.path-exists' } });
    const again = await call('statement.export', { period: '2025-11', distributor: 'D01', format: 'xlsx' });
    expect(again.file).not.toBe(xlsx.file);
    expect(again.file).toMatch(/ \(2\)\.xlsx$/);
    expect((await call('statement.versions', { period: '2025-11', distributor: 'D01' })).rows[0]).toMatchObject({ version: 1, status: 'approved' });
    expect(await attempt('reconcile.run', { period: '2025-11' })).toMatchObject({ ok: false, error: { code: 'ledger.period-closed-for' } });
    expect(preview.kas).toEqual(expect.arrayContaining(['RTM', 'CRF']));
    const confirmed = await call('statement.confirm', { period: '2025-11', distributor: 'D01', party: 'ka', ka: 'RTM', result: 'disputed', reasons: '堆头费多扣 200 元' });
    expect(confirmed.confirmations[0]).toMatchObject({ party: 'ka', ka: 'RTM', result: 'disputed', reasons: '堆头费多扣 200 元' });
    expect(await attempt('statement.confirm', { period: '2025-11', distributor: 'D01', party: 'manufacturer', result: 'disputed' })).toMatchObject({ ok: false, error: { code: 'statement.dispute-reason' } });

    // Restoring the backup taken before the close would take the close away: that is a reopening, for a manager
    // or admin who signed none of the month, with a reason, recorded in both books.
    expect(await attempt('book.restore', { file: approved.backup, reason: '误操作' })).toMatchObject({ ok: false, error: { code: 'security.signer-may-not-undo', params: { user: 'liu', period: '2025-11' } } });
    await as('admin');
    expect(await attempt('book.restore', { file: approved.backup })).toMatchObject({ ok: false, error: { code: 'security.reason-needed' } });
    const restored = await call('book.restore', { file: approved.backup, reason: '审批前发现漏记一笔退货' });
    expect(restored.reopened).toEqual(['2025-11']);
    expect((await call('close.status', { period: '2025-11' })).status).toBe('reviewed');
    const restoreRow = (await call('audit.list', { action: 'restore', limit: 1 })).rows[0];
    expect(restoreRow).toMatchObject({ actor: 'admin', action: 'restore' });
    // the audit row reads as its fields by name: the reason given and the month the restore undid
    expect(JSON.stringify(restoreRow.details)).toContain('审批前发现漏记一笔退货');
    expect(JSON.stringify(restoreRow.details)).toContain('2025-11');
    expect((await call('app.state', {})).user).toBeNull();
    await as('liu');
    expect((await call('close.approve', { period: '2025-11' })).status).toBe('closed');
    await call('statement.confirm', { period: '2025-11', distributor: 'D01', party: 'ka', ka: 'RTM', result: 'disputed', reasons: '堆头费多扣 200 元' });
  }, 120_000);

  it('answers the credit, audit and settings questions in the shape the contract says', async () => {
    await call('credit.exposure', { asOf: '2026-10-31' });
    await call('credit.grades', { asOf: '2026-10-31' });
    await call('credit.holds', { asOf: '2026-10-31' });
    await call('credit.watch', {});
    const dunning = (await call('credit.dunning', { asOf: '2026-10-31' })).rows;
    expect(dunning.length).toBeGreaterThan(0);
    await call('credit.followUp', { ka: dunning[0].ka, note: '财务答应 11 月 10 日前付清' });
    expect((await call('credit.dunning', { asOf: '2026-10-31' })).rows[0].lastFollowUp).toMatchObject({ note: '财务答应 11 月 10 日前付清', by: 'liu' });
    expect((await call('credit.history', { party: `ka:${dunning[0].ka}` })).grades.length).toBeGreaterThan(0);
    const byAccount = (await call('book.balances', { by: 'account', asOf: '2026-10-31' })).rows;
    expect(byAccount.reduce((sum: number, r: { balance_fen: number }) => sum + r.balance_fen, 0)).toBe(0);
    const docs = (await call('book.documents', { kind: 'receipt', period: '2026-10', ka: 'RTM', limit: 5 })).rows;
    expect(docs).toHaveLength(5);
    expect((await call('book.document', { key: docs[0].natural_key })).documents[0].lines.length).toBeGreaterThan(0);
    expect((await call('credit.items', { asOf: '2026-10-31', ka: 'RTM' })).items.length).toBeGreaterThan(0);
    await as('zhao');
    await call('credit.setLimit', { party: 'MET', limitFen: 100_000, reason: '回款慢，先收紧' });
    await call('settings.set', { key: 'credit.hold_mode', value: 'block' });
    expect((await call('credit.holds', { asOf: '2026-10-31' })).rows.map((r: { ka: string }) => r.ka)).toContain('MET');
    await call('credit.overrideHold', { ka: 'MET', until: '2026-11-30', reason: '总经理同意发货' });
    expect(await attempt('settings.set', { key: 'credit.hold_mode', value: 'sometimes' })).toMatchObject({ ok: false, error: { code: 'input.invalid-option' } });
    // Master data is the accountant's (or a manager's): the credit controller may not change it.
    expect(await attempt('master.save', { entity: 'ka-accounts', record: { code: 'HX', name: '华兴', paymentTermsDays: 30 } })).toMatchObject({ ok: false, error: { code: 'security.forbidden' } });
    await as('wang');
    expect((await call('settings.get', {})).settings['credit.hold_mode']).toBe('block');
    const audit = await call('audit.list', { actor: 'liu', limit: 50 });
    expect(audit.rows.map((r: { action: string }) => r.action)).toContain('approve');
    expect((await call('audit.verify', {})).ok).toBe(true);
    const soa = await call('credit.statementOfAccount', { ka: 'RTM', asOf: '2026-10-31', format: 'xlsx' });
    expect(existsSync(soa.file)).toBe(true);
    expect((await call('master.list', { entity: 'stores', ka: 'RTM', limit: 5 })).rows).toHaveLength(5);
    expect((await call('master.detail', { entity: 'contracts', key: 'HT-RTM-2025' })).record.code).toBe('HT-RTM-2025');
    const promo = (await call('master.list', { entity: 'promotions', limit: 1 })).rows[0];
    expect((await call('master.detail', { entity: 'promotions', key: promo.code })).record.products.length).toBeGreaterThan(0);

    // Edit a contract's tiers through the same form shape it was entered in; its identity stays.
    const contract = (await call('master.get', { entity: 'contracts', key: 'HT-RTM-2025' })).record;
    const tiers = [...contract.rebate.tiers, { threshold: 9_000_000_00, rate: 40_000 }];
    expect(await call('master.save', { entity: 'contracts', mode: 'update', record: { ...contract, rebate: { ...contract.rebate, tiers } } })).toEqual({ key: 'HT-RTM-2025', outcome: 'updated' });
    expect((await call('master.detail', { entity: 'contracts', key: 'HT-RTM-2025' })).record.tiers).toHaveLength(tiers.length);
    expect(await call('master.save', { entity: 'contracts', mode: 'update', record: { ...contract, rebate: { ...contract.rebate, tiers } } })).toEqual({ key: 'HT-RTM-2025', outcome: 'unchanged' });
    expect(await attempt('master.save', { entity: 'contracts', mode: 'update', record: { ...contract, kaCode: 'MET' } })).toMatchObject({ ok: false, error: { field: 'kaCode' } });
    const store = (await call('master.get', { entity: 'stores', key: 'RTM/A010' })).record;
    expect(await call('master.save', { entity: 'stores', mode: 'update', record: { ...store, name: '大润发上海中心店（新址）' } })).toMatchObject({ outcome: 'updated' });
    expect((await call('master.list', { entity: 'stores', ka: 'RTM', limit: 1 })).rows[0].name).toBe('大润发上海中心店（新址）');
    const storeRow = (await call('audit.list', { entity: 'store', action: 'update', limit: 5 })).rows[0];
    expect(storeRow).toMatchObject({ entity_key: 'RTM/A010' });
    // the change reads as its field: the name before and after
    expect(storeRow.details.find((d: { before: { text?: string } | null }) => d.before?.text === '大润发上海中心店')).toMatchObject({ after: { text: '大润发上海中心店（新址）' } });
    expect(await call('master.save', { entity: 'ka-accounts', record: { code: 'HM', name: '华贸', paymentTermsDays: 45 } })).toEqual({ key: 'HM', outcome: 'created' });
    expect(await attempt('master.save', { entity: 'ka-accounts', record: { code: 'HM2', name: '', paymentTermsDays: 45 } })).toMatchObject({ ok: false, error: { field: expect.stringContaining('name') } });
  });

  it('keeps only the newest backups, and offers the newest good one for a damaged book', async () => {
    const before = (await call('book.backups', {})).backups.length;
    await as('admin');
    await call('settings.set', { key: 'backup.keep_last', value: 2 }).catch(() => undefined);
    const r = await call('book.backup', { reason: 'exit' });
    expect(r.file).toMatch(/-exit-/);
    expect((await call('book.backups', {})).backups.length).toBe(Math.min(2, before + 1));
    const good = await call('app.lastGoodBackup', { path: join(dir, 'demo.kasettle') });
    expect(good.backup.file).toBe(r.file);
    // A book with users is restored only by a manager or admin.
    await as('wang');
    expect(await attempt('book.restore', { file: r.file })).toMatchObject({ ok: false, error: { code: 'security.forbidden' } });
    await call('session.signOut', {});
    expect(await attempt('book.restore', { file: r.file })).toMatchObject({ ok: false, error: { code: 'security.sign-in-required' } });
    // A sound book is never restored through the damaged-book path, signed in or not.
    expect(await attempt('app.restoreDamaged', { path: join(dir, 'demo.kasettle'), file: r.file })).toMatchObject({ ok: false, error: { code: 'security.book-not-damaged' } });
  });
});
