import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { tempDir } from '../helpers/temp-book.js';

const sessions = mkdtempSync(join(tmpdir(), 'ka-words-sessions-'));

/** The command in this process, Chinese unless told (KA_SETTLE_LANG empty is the default language). */
async function ka(env: Record<string, string>, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => void out.push(t), err: (t) => void err.push(t), env: { KA_SETTLE_LANG: '', KA_SETTLE_SESSIONS: sessions, ...env } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** English words of three letters or more, not counting the book's own keys and codes the user typed. */
const englishWords = (text: string, allowed: RegExp) => (text.replace(allowed, '').match(/\b[a-z]{3,}\b/gi) ?? []);

describe('the users, settings and vouchers commands speak the reader language', () => {
  it('says what they did and heads their tables in Chinese by default, in English when asked', async () => {
    const book = join(tempDir(), 'words.kasettle');
    expect((await ka({}, 'init', book)).code).toBe(0);
    const admin = { KA_SETTLE_PASSWORD: 'admin-pass-1' };

    const added = await ka({ KA_SETTLE_NEW_PASSWORD: 'admin-pass-1' }, 'users', book, '--add', 'admin', '--role', 'admin', '--name', '王会计');
    expect(added).toMatchObject({ code: 0, out: '已添加用户 admin（管理员）' });
    expect((await ka({ ...admin, KA_SETTLE_NEW_PASSWORD: 'li-pass-1' }, 'users', book, '--add', 'li', '--role', 'credit_controller', '--user', 'admin')).out).toBe('已添加用户 li（信用主管）');
    expect((await ka(admin, 'users', book, '--set-role', 'li', '--role', 'manager', '--user', 'admin')).out).toBe('li 现在是经理，其登录会话已结束');
    expect((await ka(admin, 'users', book, '--disable', 'li', '--user', 'admin')).out).toBe('已停用用户 li');

    const list = (await ka({}, 'users', book)).out.split('\n');
    expect(list[0]).toMatch(/^编号\s+登录名\s+姓名\s+角色\s+已停用$/);
    expect(list.find((l) => l.includes(' li '))).toMatch(/经理\s+是$/);
    expect(list.find((l) => l.includes('admin'))).toMatch(/王会计\s+管理员\s+否$/);
    expect(englishWords(list.join('\n'), /\b(admin|li)\b/g)).toEqual([]);
    expect((await ka({ KA_SETTLE_LANG: 'en' }, 'users', book)).out.split('\n')[0]).toMatch(/^id\s+username\s+name\s+role\s+disabled$/);

    expect((await ka(admin, 'settings', book, '--set', 'credit.hold_mode="block"', '--user', 'admin')).out).toBe('已修改设置 credit.hold_mode');
    const settings = (await ka({}, 'settings', book)).out;
    expect(settings).toMatch(/credit\.hold_mode\s+"block"（admin，\d{4}-\d{2}-\d{2}）/);

    const mapping = (await ka({}, 'vouchers', book, '--mapping')).out.split('\n');
    expect(mapping[0]).toMatch(/^科目\s+名称\s+状态\s+科目代码\s+科目名称\s+核算项目$/);
    const preview = (await ka({}, 'vouchers', book, '--period', '2026-01')).out;
    expect(preview.split('\n')[0]).toBe('2026-01（未结）：新单据 0 张 → 凭证 0 张，借方 ¥0.00；此前已导出 0 次，共 0 张凭证');
    expect((await ka({}, 'vouchers', book, '--period', '2026-01', '--list')).out).toBe('（无）');
  });
});
