import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../bridge/dispatch.js';
import { main } from '../../../cli/main.js';
import type { Io } from '../../../cli/io.js';
import { currentPeriod, localDateOf, localStamp, today } from '../../../core/calendar/dates.js';
import { openExistingBook } from '../../../core/book/open-book.js';
import { createDemoBook } from '../../../core/demo/create-demo-book.js';
import { defaultExportPath } from '../../../core/reconcile/export-workbench.js';
import { BookSession } from '../../../services/book-session.js';
type ServiceContext = Parameters<typeof dispatch>[0];
import { addPeople } from '../../helpers/people.js';

/**
 * Every date a command or service takes when none is given is today on the computer's own calendar. Frozen at
 * 07:30 on 1 November in Beijing — 23:30 on 31 October in UTC — a default taken from UTC would be a day (and a
 * month) early, and a claim dated then could land in a closed month.
 */
const NOW = new Date('2026-10-31T23:30:00Z');
const LOCAL_DAY = '2026-11-01';

let dir = '';
let book = '';
const zone = process.env.TZ;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-calendar-'));
  book = join(dir, 'demo.kasettle');
  const b = await createDemoBook(book, 'tester', { scale: 'tiny' });
  addPeople(b);
  b.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  process.env.TZ = 'Asia/Shanghai';
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

async function run(...args: string[]): Promise<any> {
  let out = '';
  let err = '';
  // the password of the user the command names (never read from standard input here)
  const user = args[args.indexOf('--user') + 1] ?? 'wang';
  const io: Io = { out: (t) => { out += t; }, err: (t) => { err += t; }, env: { ...process.env, KA_SETTLE_USER: 'tester', KA_SETTLE_PASSWORD: `${user}-pass-1` } };
  const code = await main([...args, '--json'], io);
  expect(code, `${args.join(' ')}: ${err}`).toBe(0);
  return JSON.parse(out);
}

const query = <T>(sql: string, ...params: unknown[]): T => {
  const db = new Database(book, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
};

async function draftClaim(period: string): Promise<{ id: number; doc_no: string }> {
  const view = await run('claims', book, '--status', 'draft', '--limit', '1000');
  return (view.claims as { id: number; doc_no: string; period: string }[]).find((c) => c.period === period)!;
}

describe('the local calendar', () => {
  it('is the computer’s, not UTC’s', () => {
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-10-31');
    expect(today()).toBe(LOCAL_DAY);
    expect(currentPeriod()).toBe('2026-11');
    expect(localDateOf(NOW.toISOString())).toBe(LOCAL_DAY);
    expect(localStamp()).toBe('20261101-073000');
  });

  it('gives every command its default date', async () => {
    // A reconciliation counts to its month's end, or to today while the month runs: today on the local calendar.
    expect((await run('reconcile', book, '--period', '2026-11', '--user', 'wang')).asOf).toBe(LOCAL_DAY);
    expect(query<{ as_of: string }>('SELECT as_of FROM recon_runs ORDER BY id DESC LIMIT 1').as_of).toBe(LOCAL_DAY);
    expect((await run('reconcile', book, '--period', '2026-10', '--user', 'wang')).asOf).toBe('2026-10-31');
    expect((await run('credit', book, '--user', 'li')).asOf).toBe(LOCAL_DAY);
    expect((await run('terms', book, '--contract', 'HT-RTM-2025', '--explain')).period).toBe('2026-11');
    const claim = await draftClaim('2026-10');
    await run('claims', book, '--reject', String(claim.id), '--reason', '厂家不认可', '--user', 'li');
    expect(query<{ doc_date: string }>('SELECT doc_date FROM documents WHERE natural_key = ?', `REJECT|${claim.doc_no}`).doc_date).toBe(LOCAL_DAY);

    // A delivery dated today (local) is not "after today" to the import's date window, and its 冲销 is dated today.
    const file = join(dir, 'deliveries-today.csv');
    writeFileSync(file, `送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额\nXSCAL01,${LOCAL_DAY},POCAL01,A010,P001,10,5.22,52.20\n`);
    await run('import', book, 'deliveries', file, '--ka', 'RTM', '--user', 'wang');
    expect(query<{ period: string }>("SELECT period FROM documents WHERE doc_no = 'XSCAL01'").period).toBe('2026-11');
    const reversal = await run('reverse', book, 'XSCAL01', '--reason', '整单退回', '--user', 'wang');
    expect(reversal.date).toBe(LOCAL_DAY);
  });

  it('gives every service its default date, and names exports by local time', async () => {
    const ctx: ServiceContext = { session: new BookSession(dir, 'tester'), control: {} };
    try {
      const call = async (method: Parameters<typeof dispatch>[1], args: unknown) => {
        const out = await dispatch(ctx, method, args);
        if (!out.ok) throw new Error(`${method}: ${JSON.stringify(out.error)}`);
        return out.result as any;
      };
      await call('app.openBook', { path: book });
      await call('session.signIn', { username: 'wang', password: 'wang-pass-1' });
      expect((await call('reconcile.run', { period: '2026-11' })).asOf).toBe(LOCAL_DAY);
      expect((await call('reconcile.run', { period: '2026-09' })).asOf).toBe('2026-09-30');
      const claim = await draftClaim('2026-09');
      await call('session.signIn', { username: 'li', password: 'li-pass-1' });
      await call('claims.move', { id: claim.id, to: 'rejected', reason: '超出合同' });
      expect(query<{ doc_date: string }>('SELECT doc_date FROM documents WHERE natural_key = ?', `REJECT|${claim.doc_no}`).doc_date).toBe(LOCAL_DAY);
      await call('session.signIn', { username: 'wang', password: 'wang-pass-1' });
      // Months close in order: the book's first month is the one that can be prepared.
      const first = query<{ period: string }>('SELECT min(period) AS period FROM documents').period;
      await call('close.accept', { period: first, keys: 'all', reason: '已与KA核对' });
      await call('close.prepare', { period: first });
      // the preparation reconciles its month to the month's end (long past on this calendar)
      const [y, m] = first.split('-').map(Number) as [number, number];
      expect(query<{ as_of: string }>('SELECT as_of FROM recon_runs WHERE period = ? ORDER BY id DESC LIMIT 1', first).as_of).toBe(new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10));
      const opened = await openExistingBook(book, { readonly: true });
      expect(defaultExportPath(opened, { from: '2026-10', to: '2026-10' } as never)).toContain('-20261101-073000.xlsx');
      opened.close();
      // a voucher file the window names itself is stamped with local time too
      await call('vouchers.acceptProposals', {});
      expect((await call('vouchers.export', { period: '2026-10', grouping: 'document', layout: 'csv' })).file).toContain('-20261101-073000.csv');
    } finally {
      ctx.session.close();
    }
  });
});
