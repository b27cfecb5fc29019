import { describe, expect, it } from 'vitest';
import { areasEn, messagesEn } from '../../locale/en/index.js';
import { areasZh, messagesZh } from '../../locale/zh/index.js';
import { fillTemplate, renderMessage, renderWithPlace } from '../../locale/index.js';
import { UserError } from '../../core/errors.js';

const placeholders = (template: string) => [...template.matchAll(/\{\{\s*([\w.]+)\s*(?:,\s*([\w:]+)\s*)?\}\}/g)].map((m) => `${m[1]}${m[2] ? `,${m[2]}` : ''}`).sort();

describe('the catalog of messages', () => {
  it('defines no code twice across its area files', () => {
    for (const [areas, merged] of [[areasZh, messagesZh], [areasEn, messagesEn]] as const) {
      const total = areas.reduce((n, a) => n + Object.keys(a).length, 0);
      expect(total).toBe(Object.keys(merged).length);
    }
  });

  it('has every code in both languages with the same parameters and formats', () => {
    expect(Object.keys(messagesEn).sort()).toEqual(Object.keys(messagesZh).sort());
    const differ = Object.entries(messagesZh).filter(([code, zh]) => placeholders(zh).join() !== placeholders((messagesEn as Record<string, string>)[code]!).join());
    expect(differ.map(([code]) => code)).toEqual([]);
  });

  it('fills values, money, prices, quantities, rates, labels, lists and nested messages', () => {
    expect(fillTemplate('zh', '{{a}}|{{m, fen}}|{{m, yuan}}|{{p, price}}|{{q, qty}}|{{r, ppm}}|{{s, label:status}}|{{l}}', {
      a: 'x', m: -123456, p: 98000, q: 12500, r: 25000, s: 'short', l: ['A', 'B'],
    })).toBe('x|-1,234.56|-¥1,234.56|9.80|12.5|2.5%|短收|A、B');
    expect(fillTemplate('en', '{{s, label:status}} {{l}}', { s: 'price_diff', l: ['A', 'B'] })).toBe('Price difference A, B');
    expect(fillTemplate('zh', '[{{inner}}]', { inner: { code: 'place.row', params: { row: 3 } } })).toBe('[第 3 行]');
    expect(renderMessage('zh', { code: 'no.such.code' })).toBe('no.such.code');
  });

  it('says where in the reader’s language', () => {
    expect(renderWithPlace('zh', { code: 'error.book-busy' }, { file: 'a.csv', row: 12, field: '金额' })).toBe('a.csv，第 12 行，字段 金额：账套正忙：另一个 ka-settle 正在写入，请等它完成后再试');
    expect(renderWithPlace('en', { code: 'place.text', params: { text: 'bad' } }, { row: 2 })).toBe('row 2: bad');
  });
});

describe('a user error', () => {
  it('carries a code with parameters, English in its message, and renders in either language', () => {
    const e = new UserError('error.book-busy', {}, { file: 'book.kasettle' });
    expect(e.message).toBe(messagesEn['error.book-busy']);
    expect(e.describe('zh')).toBe(`book.kasettle：${messagesZh['error.book-busy']}`);
    expect(e.toMessage()).toEqual({ code: 'error.book-busy', params: {} });
  });

  it('says a parameter that is itself a message, and keeps its code and parameters at another place', () => {
    const e = new UserError('close.blocking', { period: '2026-10', count: 2, first: { code: 'match.by-order' } }).withPlace({ file: 'x.csv', row: 3 });
    expect(e.describe('zh')).toBe('x.csv，第 3 行：2026-10 还有 2 个未解决的例外（第一个：按订单号匹配）：请逐个处理，或填写原因接受');
    expect(e.message).toBe(renderMessage('en', e.toMessage()));
  });
});
