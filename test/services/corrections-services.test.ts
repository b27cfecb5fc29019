import { describe, expect, it } from 'vitest';
import { dispatch } from '../../bridge/dispatch.js';
import { serviceContract, type ServiceName } from '../../contract/service-contract.js';
import { addUser, signIn } from '../../core/users/users.js';
import { BookSession } from '../../services/book-session.js';
import type { ServiceContext } from '../../services/service-handlers.js';
import { correctionsBook, FIX, importReceipts, importRemittance, reconcile } from '../helpers/corrections-book.js';
import { tempDir } from '../helpers/temp-book.js';

type Ctx = Omit<ServiceContext, 'actor' | 'access'>;

async function session(withUsers: boolean): Promise<Ctx> {
  const book = await correctionsBook();
  await importReceipts(book, 'v1');
  await importRemittance(book);
  reconcile(book, '2026-10');
  if (withUsers) {
    addUser(book, null, { username: 'admin', role: 'admin', password: 'admin-pass-1' });
    addUser(book, signIn(book, 'admin', 'admin-pass-1'), { username: 'wang', role: 'accountant', password: 'wang-pass-1' });
    addUser(book, signIn(book, 'admin', 'admin-pass-1'), { username: 'zhao', role: 'credit_controller', password: 'zhao-pass-1' });
  }
  book.close();
  const ctx = { session: new BookSession(tempDir(), 'os:tester'), control: {} };
  await ctx.session.open(book.path);
  return ctx;
}

/** Calls a method as the window does; the answer must fit the contract's result schema. */
async function call(ctx: Ctx, method: ServiceName, args: unknown): Promise<any> {
  const out = await dispatch(ctx, method, args);
  if (!out.ok) throw new Error(`${method}: ${JSON.stringify(out.error)}`);
  const checked = serviceContract[method].result.safeParse(out.result);
  expect(checked.success, `${method}: ${checked.success ? '' : JSON.stringify(checked.error.issues.slice(0, 3))}`).toBe(true);
  return out.result;
}

describe('corrections through the service contract', () => {
  it('previews and commits a replacement, reallocates, reverses and undoes, answering what the contract says', async () => {
    const ctx = await session(false);
    try {
      const path = `${FIX}rtm-receipts-v2.csv`;
      const preview = await call(ctx, 'import.preview', { kind: 'receipts', path, ka: 'RTM' });
      expect(preview.conflicts.map((c: { key: string }) => c.key)).toEqual(['RTM|YSC001']);
      expect(preview.conflicts[0].difference.lines[0]).toMatchObject({ change: 'changed', old: { qtyMilli: 15_000 }, new: { qtyMilli: 16_000 } });
      const replacing = await call(ctx, 'import.preview', { kind: 'receipts', path, ka: 'RTM', replace: true });
      expect(replacing.replaced.map((r: { key: string; version: number }) => [r.key, r.version])).toEqual([['RTM|YSC001', 2]]);
      const done = await call(ctx, 'import.commit', { kind: 'receipts', path, ka: 'RTM', replace: true, reason: 'KA 重发验收单' });
      expect(done.committed).toBe(true);

      const [fk] = (await call(ctx, 'corrections.remittances', { period: '2026-10' })).rows;
      expect(fk).toMatchObject({ doc_no: 'FKC01', total_fen: 205_770, applied_fen: 69_120, unapplied_fen: 136_650, state: 'in_force' });
      const items = (await call(ctx, 'corrections.openItems', { remittanceId: fk.id })).rows;
      // What the remittance pays now is offered whole: YSC002 (69,120) beside the open YSC001 v2 and YSC003.
      expect(items.map((i: { doc_no: string; open_fen: number }) => [i.doc_no, i.open_fen])).toEqual([['YSC001', 140_640], ['YSC002', 69_120], ['YSC003', 6_400]]);
      const re = await call(ctx, 'corrections.reallocate', { remittanceId: fk.id, mode: 'references', reason: '按付款通知' });
      expect(re).toMatchObject({ applied: 205_770, unapplied: 0 });

      const batches = (await call(ctx, 'corrections.batches', {})).rows;
      expect(batches[0]).toMatchObject({ batch: done.batchId, documents: 3 });
      const ysc3 = items.find((i: { doc_no: string }) => i.doc_no === 'YSC003');
      const reversal = await call(ctx, 'corrections.reverse', { documentId: ysc3.document_id, reason: '重复导入' });
      expect(reversal).toMatchObject({ docNo: 'YSC003', reversalNo: 'YSC003-R' });
      const chain = (await call(ctx, 'corrections.chain', { documentId: ysc3.document_id })).chain;
      expect(chain.map((c: { role: string }) => c.role)).toEqual(['version', 'reversal']);
      const refused = await dispatch(ctx, 'corrections.undoImport', { batchId: done.batchId, reason: '撤销' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'corrections.undo-blocked-cleared' } });
    } finally {
      ctx.session.close();
    }
  });

  it('says a book without users is unprotected on every correction, naming who it records', async () => {
    const ctx = await session(false);
    try {
      const [fk] = (await call(ctx, 'corrections.remittances', { period: '2026-10' })).rows;
      const out = await dispatch(ctx, 'corrections.reallocate', { remittanceId: fk.id, mode: 'oldest', reason: '按账龄' });
      expect(out).toMatchObject({ ok: true, notice: { code: 'security.unprotected', params: { actor: 'os:tester' } } });
    } finally {
      ctx.session.close();
    }
  });

  it('puts every correction under the gate: signed in, allowed to correct, recorded as the proven user', async () => {
    const ctx = await session(true);
    try {
      const [fk] = (await call(ctx, 'corrections.remittances', { period: '2026-10' })).rows;
      const [batch] = (await call(ctx, 'corrections.batches', {})).rows;
      const path = `${FIX}rtm-receipts-v2.csv`;
      const writes: [ServiceName, Record<string, unknown>][] = [
        ['corrections.reverse', { documentId: fk.id, reason: '退票' }],
        ['corrections.reallocate', { remittanceId: fk.id, mode: 'oldest', reason: '按账龄' }],
        ['corrections.undoImport', { batchId: batch.batch, reason: '导错了' }],
        ['import.commit', { kind: 'receipts', path, ka: 'RTM', replace: true, reason: 'KA 重发验收单' }],
      ];
      // Nobody signed in: each is refused before it runs, and nothing is written.
      const auditBefore = (await call(ctx, 'audit.list', {})).rows.length;
      for (const [method, args] of writes) {
        expect(await dispatch(ctx, method, args), method).toMatchObject({ ok: false, status: 401, error: { code: 'security.sign-in-required' } });
      }
      // A credit controller may not correct the books (nor replace on import); the refusal names the roles that may.
      await call(ctx, 'session.signIn', { username: 'zhao', password: 'zhao-pass-1' });
      for (const [method, args] of writes) {
        expect(await dispatch(ctx, method, args), method).toMatchObject({
          ok: false, status: 403, error: { code: 'security.forbidden', params: { user: 'zhao', what: method === 'import.commit' ? 'import' : 'corrections' } },
        });
      }
      expect((await call(ctx, 'audit.list', { action: 'reverse' })).rows).toEqual([]);
      // (only the two sign-ins were audited meanwhile)
      expect((await call(ctx, 'audit.list', {})).rows.length).toBe(auditBefore + 1);

      // The accountant signs in: each correction runs and the audit log names her, not the computer's user.
      await call(ctx, 'session.signIn', { username: 'wang', password: 'wang-pass-1' });
      await call(ctx, 'corrections.reallocate', { remittanceId: fk.id, mode: 'oldest', reason: '按账龄' });
      const replaced = await call(ctx, 'import.commit', { kind: 'receipts', path, ka: 'RTM', replace: true, reason: 'KA 重发验收单' });
      expect(replaced.committed).toBe(true);
      await call(ctx, 'corrections.reverse', { documentId: fk.id, reason: '退票' });
      const audit = (await call(ctx, 'audit.list', { limit: 1000 })).rows as { actor: string; action: string; at: string }[];
      // Newest first: everything written since wang signed in is hers, the reversals, replacement and reallocation too.
      const since = audit.slice(0, audit.findIndex((a) => a.action === 'sign-in' && a.actor === 'wang'));
      expect(new Set(since.map((a) => a.actor))).toEqual(new Set(['wang']));
      for (const action of ['reverse', 'reallocate', 'replace', 'post', 'clear']) expect(since.map((a) => a.action), action).toContain(action);
      expect(audit.some((a) => a.actor === 'os:tester')).toBe(false);
    } finally {
      ctx.session.close();
    }
  });
});
