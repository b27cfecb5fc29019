import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { today } from '../../core/calendar/dates.js';
import { addUser, signIn } from '../../core/users/users.js';
import type { Book } from '../../db/connection.js';
import { correctionsBook, FIX, importReceipts, importRemittance, reconcile } from '../helpers/corrections-book.js';
import { tempDir } from '../helpers/temp-book.js';

const BIN = fileURLToPath(new URL('../../bin/ka-settle.js', import.meta.url));

/** The real command in its own process, in Chinese unless told otherwise. */
function ka(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: '', env: { ...process.env, KA_SETTLE_USER: 'cli-test', KA_SETTLE_LANG: 'zh', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** September's receipts paid by FKC01 in October, closed so the command opens the file as a user would. */
async function paidBook(prepare?: (book: Book) => void): Promise<string> {
  const book = await correctionsBook();
  await importReceipts(book, 'v1');
  await importRemittance(book);
  reconcile(book, '2026-10');
  prepare?.(book);
  book.close();
  return book.path;
}

/** Where a reversal of a 2026-09 document lands on today's calendar: its own month (open), never before it. */
const septemberReversalDay = (original: string) => {
  const t = today();
  return t > '2026-09-30' ? '2026-09-30' : t < original ? original : t;
};

beforeAll(() => {
  if (!existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)))) throw new Error('dist/ is missing: run npm run build');
});

describe('ka-settle corrections', () => {
  it('shows a changed re-import line by line, replaces it with --replace, and shows the document’s chain', async () => {
    const path = await paidBook();
    const v2 = `${FIX}rtm-receipts-v2.csv`;
    const refused = ka({}, 'import', path, 'receipts', v2, '--ka', 'RTM');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('冲突：RTM|YSC001（第 2 行）与账中有效版本 1 内容不同，未覆盖');
    expect(refused.out).toContain('    第 2 行 A021 P003：数量 15 → 16、金额 598.50 → 638.40');
    expect(refused.out).toContain('    合计：¥1,366.50 → ¥1,406.40');
    expect(refused.out).toContain('用 --replace 冲销旧版本');

    const preview = ka({ KA_SETTLE_LANG: 'en' }, 'import', path, 'receipts', v2, '--ka', 'RTM', '--replace', '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('would replace RTM|YSC001 (row 2): reverse version 1, post the new version');
    expect(preview.out).toContain('    line 2 A021 P003: Quantity 15 → 16, Amount 598.50 → 638.40');
    expect(preview.out).toContain('dry run: nothing written');

    const done = ka({ KA_SETTLE_LANG: 'en' }, 'import', path, 'receipts', v2, '--ka', 'RTM', '--replace', '--reason', 'store recount');
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/replaced RTM\|YSC001: version 1 reversed \(reversal #\d+\), version 2 posted/);
    expect(done.out).toMatch(/1 new .*, 1 already in the book, 0 conflicts/);

    const shown = ka({}, 'show', path, 'document', 'YSC001');
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('更正记录');
    expect(shown.out).toContain(`版本 1：YSC001 2026-09-03 ¥1,366.50，已于 ${septemberReversalDay('2026-09-03')} 由 cli-test 冲销（红字单 YSC001-R，原因：store recount）`);
    expect(shown.out).toContain('版本 2：YSC001 2026-09-03 ¥1,406.40，有效');
    expect(ka({}, 'check', path).code).toBe(0);
  });

  it('reverses one document by number, refuses a second time and a missing reason', async () => {
    const path = await paidBook();
    const r = ka({}, 'reverse', path, 'YSC002', '--reason', '门店整单退回');
    expect(r.code).toBe(0);
    // A book without users is unprotected, and every write says so, naming the unverified name it recorded.
    expect(r.err).toContain('未受保护');
    expect(r.err).toContain('cli-test');
    expect(r.out).toContain(`已冲销 验收单 YSC002：红字单 YSC002-R，日期 ${septemberReversalDay('2026-09-06')}`);
    expect(r.out).toContain('已冲回核销');
    const again = ka({}, 'reverse', path, 'YSC002', '--reason', 'again');
    expect(again.code).toBe(1);
    expect(again.err).toContain('YSC002 已于');
    expect(ka({}, 'reverse', path, 'YSC001').code).toBe(2);
    const json = JSON.parse(ka({}, 'show', path, 'document', 'YSC002', '--json').out) as { chain: { role: string; inForce: boolean }[] }[];
    expect(json[0]!.chain.map((c) => [c.role, c.inForce])).toEqual([['version', false], ['reversal', false]]);
  });

  it('refuses to undo an import a later remittance cleared, naming both, and reallocates the remittance', async () => {
    const path = await paidBook();
    const batches = JSON.parse(ka({}, 'show', path, 'batches', '--json').out) as { batch: number; file: string; documents: number }[];
    const receipts = batches.find((b) => b.file.endsWith('rtm-receipts-v1.csv'))!;
    expect(receipts.documents).toBe(2);
    const undo = ka({ KA_SETTLE_LANG: 'en' }, 'import', path, '--undo', String(receipts.batch), '--reason', 'wrong file');
    expect(undo.code).toBe(1);
    expect(undo.err).toContain(`import batch ${receipts.batch} cannot be undone: these documents were cleared by later documents, reverse those first: YSC001 ← FKC01, YSC002 ← FKC01`);

    const oldest = ka({ KA_SETTLE_LANG: 'en' }, 'reallocate', path, 'FKC01', '--items', 'YSC002=100.00', '--reason', 'KA advice says YSC002 only');
    expect(oldest.code).toBe(0);
    expect(oldest.out).toContain('remittance FKC01 reallocated (To chosen open items): ¥100.00 applied, ¥1,957.70 unapplied');
    expect(oldest.out).toContain('  YSC002  100.00');
    const back = ka({ KA_SETTLE_LANG: 'en' }, 'reallocate', path, 'FKC01', '--reason', 'as the advice names them');
    expect(back.out).toContain('(By the remittance’s references): ¥2,057.70 applied, ¥0.00 unapplied');
    expect(ka({}, 'reallocate', path, 'FKC01', '--by', 'nearest', '--reason', 'x').code).toBe(2);

    // Reversing the remittance first makes the import undoable.
    expect(ka({}, 'reverse', path, 'FKC01', '--reason', 'bounced').code).toBe(0);
    const undone = ka({ KA_SETTLE_LANG: 'en' }, 'import', path, '--undo', String(receipts.batch), '--reason', 'wrong file');
    expect(undone.code).toBe(0);
    expect(undone.out).toMatch(new RegExp(`import batch ${receipts.batch} undone: 2 documents reversed, 0 posted anew`));
    expect(ka({}, 'check', path).code).toBe(0);
  });

  it('names the signed-in user where the book has users, and refuses without a password', async () => {
    const path = await paidBook((book) => {
      addUser(book, null, { username: 'admin', role: 'admin', password: 'admin-pass-1' });
      addUser(book, signIn(book, 'admin', 'admin-pass-1'), { username: 'lihua', displayName: '李华', role: 'accountant', password: 'lihua-pass-1' });
    });
    const refused = ka({ KA_SETTLE_LANG: 'en' }, 'reverse', path, 'YSC001', '--reason', 'wrong KA', '--user', 'lihua');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('password');
    expect(ka({ KA_SETTLE_PASSWORD: 'lihua-pass-1' }, 'reverse', path, 'YSC001', '--reason', 'wrong KA', '--user', 'lihua').code).toBe(0);
    const audit = JSON.parse(ka({}, 'show', path, 'audit', '--limit', '1000', '--json').out) as { actor: string; action: string; entity: string }[];
    expect(audit.filter((a) => a.action === 'reverse' && a.entity === 'document').map((a) => a.actor)).toEqual(['lihua']);
  });

  it('puts every correction under the same gate: no proof, a role that may not correct, then a login session', async () => {
    const path = await paidBook((book) => {
      addUser(book, null, { username: 'admin', role: 'admin', password: 'admin-pass-1' });
      const admin = signIn(book, 'admin', 'admin-pass-1');
      addUser(book, admin, { username: 'lihua', role: 'accountant', password: 'lihua-pass-1' });
      addUser(book, admin, { username: 'zhao', role: 'credit_controller', password: 'zhao-pass-1' });
    });
    const sessions = join(tempDir(), 'sessions');
    // The command in this process (the spawned one above costs a second a call): its own environment, no stdin.
    const run = async (env: Record<string, string>, ...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(args, { out: (t) => void out.push(t), err: (t) => void err.push(t), env: { KA_SETTLE_LANG: 'en', KA_SETTLE_SESSIONS: sessions, KA_SETTLE_USER: 'cli-test', ...env } });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const auditRows = async () => JSON.parse((await run({}, 'show', path, 'audit', '--limit', '1000', '--json')).out) as { actor: string; action: string }[];
    const batches = JSON.parse((await run({}, 'show', path, 'batches', '--json')).out) as { batch: number; file: string }[];
    const receipts = batches.find((b) => b.file.endsWith('rtm-receipts-v1.csv'))!;
    const writes = [
      ['reverse', path, 'YSC001', '--reason', 'wrong KA'],
      ['reallocate', path, 'FKC01', '--by', 'oldest', '--reason', 'by age'],
      ['import', path, '--undo', String(receipts.batch), '--reason', 'wrong file'],
      ['import', path, 'receipts', `${FIX}rtm-receipts-v2.csv`, '--ka', 'RTM', '--replace', '--reason', 'store recount'],
    ];
    const before = (await auditRows()).length;
    for (const args of writes) {
      // KA_SETTLE_USER names someone, but a name is never proof.
      const r = await run({}, ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toContain('this book has users');
      const zhao = await run({ KA_SETTLE_PASSWORD: 'zhao-pass-1' }, ...args, '--user', 'zhao');
      expect(zhao.code, args.join(' ')).toBe(1);
      expect(zhao.err, args.join(' ')).toMatch(/zhao is Credit controller: (corrections|importing files)/);
    }
    // Nothing was written.
    expect((await auditRows()).length).toBe(before);

    // lihua signs in once; the corrections run on her saved session and are hers in the audit log.
    expect((await run({ KA_SETTLE_PASSWORD: 'lihua-pass-1' }, 'login', path, '--user', 'lihua')).code).toBe(0);
    for (const args of [writes[3]!, writes[1]!, writes[0]!]) expect((await run({}, ...args)).code, args.join(' ')).toBe(0);
    const rows = await auditRows();
    const after = rows.slice(0, rows.length - before);
    expect(new Set(after.map((a) => a.actor))).toEqual(new Set(['lihua']));
    for (const action of ['replace', 'reallocate', 'reverse']) expect(after.map((a) => a.action)).toContain(action);
  });
});
