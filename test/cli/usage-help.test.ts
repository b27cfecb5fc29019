import { describe, expect, it } from 'vitest';
import { run } from './usage-run.js';

/** The commands a help names (`  ka-settle init BOOK …` → init) and every option it shows (`--as-of`). */
const commandsOf = (help: string) => [...help.matchAll(/^ {2}ka-settle ([a-z]+)/gm)].map((m) => m[1]);
const optionsOf = (help: string) => [...new Set(help.match(/--[a-z][a-z-]*/g))].sort();

describe('ka-settle help', () => {
  it('is in Chinese by default: every command and option as typed, what they do in the product’s words', async () => {
    const zh = await run('', 'help');
    const en = await run('en', 'help');
    expect(zh.code).toBe(0);
    expect(en.code).toBe(0);
    expect(zh.out.split('\n').slice(0, 3)).toEqual(['ka-settle — KA 送货结算账套', '', '用法：']);
    expect(commandsOf(zh.out)).toEqual(commandsOf(en.out));
    expect(commandsOf(en.out)).toContain('reallocate');
    expect(optionsOf(zh.out)).toEqual(optionsOf(en.out));
    expect(optionsOf(en.out).length).toBeGreaterThan(80);
    for (const word of ['红字冲销', '重新核销', '撤销导入', '对账', '结算单', '三单匹配', '待开票清单', '科目对照', '计提', '结算包', '总部', '窜货', '退出码']) {
      expect(zh.out, word).toContain(word);
    }
    // The explanations are Chinese: a line with an English explanation in the English help has Chinese beside it here.
    const zhLines = zh.out.split('\n');
    const enLines = en.out.split('\n');
    expect(zhLines).toHaveLength(enLines.length);
    let explained = 0;
    enLines.forEach((line, i) => {
      const said = line.replace(/--[a-z][a-z-]*|\b[A-Z][A-Z0-9_.-]*\b|ka-settle|\[[^\]]*\]/g, '');
      if (!/\b(the|a|an|of|and|or|for|to|in|each|every|its|is)\b/.test(said)) return;
      explained++;
      expect(zhLines[i], line).toMatch(/\p{Script=Han}/u);
    });
    expect(explained).toBeGreaterThan(40);
  });

  it('is in English with KA_SETTLE_LANG=en, as it always read', async () => {
    const en = (await run('en', 'help')).out;
    expect(en.split('\n').slice(0, 4)).toEqual(['ka-settle — settlement ledger for KA deliveries', '', 'Usage:', '  ka-settle init BOOK [--name NAME]                 create an empty book']);
    expect(en).toContain('  ka-settle reverse BOOK DOCUMENT --reason R        红字冲销: reverse one document (key or number), un-clearing first');
    expect(en.endsWith('Exit status: 0 success, 1 a problem with the book or its input (the message names file, row and field),\n2 a mistake in the command line.')).toBe(true);
    expect(en).not.toMatch(/用法|退出码/);
  });

  it('is the same from --help and -h, before or after a command; with no command at all it says so with exit 2', async () => {
    const zh = (await run('', 'help')).out;
    const en = (await run('en', 'help')).out;
    expect(await run('', '--help')).toEqual({ code: 0, out: zh, err: '' });
    expect(await run('', 'ageing', '--help')).toEqual({ code: 0, out: zh, err: '' });
    expect(await run('en', 'reconcile', 'x.kasettle', '-h')).toEqual({ code: 0, out: en, err: '' });
    expect(await run('en')).toEqual({ code: 2, out: en, err: '' });
    expect(await run('')).toEqual({ code: 2, out: zh, err: '' });
  });
});
