import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-book.js';
import { voucherBookFile } from '../helpers/voucher-book.js';

const BIN = fileURLToPath(new URL('../../bin/ka-settle.js', import.meta.url));

function ka(password: string | null, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, KA_SETTLE_LANG: 'zh' };
  delete env.KA_SETTLE_PASSWORD;
  if (password) env.KA_SETTLE_PASSWORD = password;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ka-settle vouchers', () => {
  it('maps the chart, exports the month once, refuses to double it, and writes it again byte for byte', async () => {
    const path = await voucherBookFile();
    const dir = tempDir();
    const out = join(dir, '凭证-2026-10.xlsx');
    const wang = (...args: string[]) => ka('wang-pass-1', ...args, '--user', 'wang');

    const blocked = wang('vouchers', path, '--period', '2026-10', '--format', 'kingdee', '--out', out);
    expect(blocked.code).toBe(1);
    expect(blocked.err).toContain('应收账款-KA、');
    expect(existsSync(out)).toBe(false);

    const mapping = JSON.parse(ka(null, 'vouchers', path, '--mapping', '--period', '2026-10', '--json').out) as { rows: { account: string; state: string; entries: number }[] };
    expect(mapping.rows.find((r) => r.account === 'sales')).toMatchObject({ state: 'proposed', entries: 4 });
    expect(wang('vouchers', path, '--accept-proposals').out).toContain('已采用 13 个账户的建议对照');
    expect(wang('vouchers', path, '--map', 'sales_returns=1122')).toMatchObject({ code: 1, err: expect.stringContaining('核算项目必须一致') });

    const preview = JSON.parse(ka(null, 'vouchers', path, '--period', '2026-10', '--group', 'day', '--json').out) as { pendingDocuments: number; voucherCount: number };
    expect(preview).toMatchObject({ pendingDocuments: 14, voucherCount: 13 });
    const exported = wang('vouchers', path, '--period', '2026-10', '--format', 'kingdee', '--out', out, '--json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toMatchObject({ batch: 1, vouchers: 14, first: 1, last: 14, layout: 'kingdee-k3' });

    const second = join(dir, 'second.xlsx');
    const nothing = wang('vouchers', path, '--period', '2026-10', '--format', 'kingdee', '--out', second);
    expect(nothing).toMatchObject({ code: 0, out: expect.stringContaining('2026-10 没有新的凭证') });
    expect(existsSync(second)).toBe(false);

    const again = join(dir, 'again.xlsx');
    expect(wang('vouchers', path, '--period', '2026-10', '--format', 'kingdee', '--out', again, '--again')).toMatchObject({ code: 0 });
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
    const list = JSON.parse(ka(null, 'vouchers', path, '--period', '2026-10', '--list', '--json').out) as { number: number; documents: string[] }[];
    expect(list).toHaveLength(14);
    expect(list.find((v) => v.documents.includes('YS1002-R'))).toBeTruthy();
    expect(ka(null, 'check', path)).toMatchObject({ code: 0, out: expect.stringContaining('导出的凭证借贷平衡：每张导出的凭证借贷平衡') });

    expect(wang('vouchers', path, '--period', '2026-10', '--format', 'sap', '--out', join(dir, 'x.xlsx')).code).toBe(2);
    expect(wang('vouchers', path, '--period', '2026-10', '--again', '--batch', '9', '--format', 'csv', '--out', join(dir, 'x.csv'))).toMatchObject({ code: 1, err: expect.stringContaining('没有导出 #9') });
  }, 180_000);
});
