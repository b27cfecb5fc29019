import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors.js';
import { formatFen, formatPrice, formatQuantity, formatRate, formatYuan } from '../../../core/money/format.js';
import { parseAmount, parsePrice, parseQuantity, parseRate } from '../../../core/money/parse.js';

describe('parseAmount reads amounts as Chinese spreadsheets write them', () => {
  it.each([
    ['1,234.50', 123_450],
    ['¥1,234.5', 123_450],
    ['￥1,234.50', 123_450],
    ['RMB 1,234.50', 123_450],
    ['-12', -1_200],
    ['+12', 1_200],
    ['(12.00)', -1_200],
    ['（12.00）', -1_200],
    ['１２３', 12_300],
    ['１，２３４．５', 123_450],
    ['12.5元', 1_250],
    ['-¥3.07', -307],
    ['¥-3.07', -307],
    ['12.00-', -1_200],
    ['0.5', 50],
    ['.5', 50],
    ['7680', 768_000],
    ['  768.00  ', 76_800],
    ['1.5万', 1_500_000],
    ['12.3400', 1_234],
    ['0', 0],
    ['-0', 0],
  ])('%s → %i fen', (text, fen) => {
    expect(parseAmount(text)).toBe(fen);
  });

  it.each([
    ['', /empty/],
    ['abc', /not a number/],
    ['12.345', /more than 2 decimal places/],
    ['1,23.00', /misplaced thousands separators/],
    ['12,34', /misplaced thousands separators/],
    ['1.2.3', /more than one decimal point/],
    ['12e3', /not a number/],
    ['¥', /no digits|empty|not a number/],
    ['12 34', /not a number/],
    ['99999999999999999999', /too large/],
  ])('refuses %j with a clear reason', (text, why) => {
    expect(() => parseAmount(text)).toThrow(why);
  });

  it('names the file, row and field of a bad amount', () => {
    try {
      parseAmount('12.3x', { file: 'receipts.csv', row: 7, field: '金额' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).describe('en')).toBe('receipts.csv, row 7, field 金额: amount "12.3x" is not a number');
      expect((e as UserError).describe('zh')).toBe('receipts.csv，第 7 行，字段 金额：金额“12.3x”不是数字');
    }
  });

  it('reads back every amount it formats', () => {
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (fen) => {
      expect(parseAmount(formatFen(fen))).toBe(fen);
      expect(parseAmount(formatYuan(fen))).toBe(fen);
      expect(parseAmount(formatFen(fen, { grouped: false }))).toBe(fen);
    }));
  });
});

describe('prices, quantities and rates', () => {
  it('reads prices to 1/10,000 yuan and quantities to thousandths', () => {
    expect(parsePrice('6.40')).toBe(64_000);
    expect(parsePrice('6.4235')).toBe(64_235);
    expect(() => parsePrice('6.42351')).toThrow(/4 decimal places/);
    expect(parseQuantity('1,200')).toBe(1_200_000);
    expect(parseQuantity('12.5')).toBe(12_500);
  });

  it('reads rates written as percent or fraction', () => {
    expect(parseRate('13%')).toBe(130_000);
    expect(parseRate('2.5%')).toBe(25_000);
    expect(parseRate('0.13')).toBe(130_000);
    expect(parseRate('7％')).toBe(70_000);
  });

  it('formats for people', () => {
    expect(formatFen(123_456)).toBe('1,234.56');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatYuan(-123_456)).toBe('-¥1,234.56');
    expect(formatPrice(64_000)).toBe('6.40');
    expect(formatPrice(64_235)).toBe('6.4235');
    expect(formatQuantity(12_500)).toBe('12.5');
    expect(formatQuantity(12_000)).toBe('12');
    expect(formatRate(25_000)).toBe('2.5%');
  });
});
