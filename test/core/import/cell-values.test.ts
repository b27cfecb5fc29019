import { describe, expect, it } from 'vitest';
import { cellDate, cellScaled, cellText } from '../../../core/import/cell-values.js';

const place = { file: 'f.csv', row: 3, field: '日期' };

describe('cells', () => {
  it.each([
    ['2026-10-03', '2026-10-03'], ['2026/10/03', '2026-10-03'], ['2026.10.03', '2026-10-03'], ['2026-9-11', '2026-09-11'],
    ['20261003', '2026-10-03'], ['2026年10月3日', '2026-10-03'], ['2026年10月3', '2026-10-03'], ['2026-10-03 14:22:01', '2026-10-03'],
    ['46298', '2026-10-03'],
  ])('reads the date %s', (text, iso) => {
    expect(cellDate(text, place)).toBe(iso);
  });

  it('reads xlsx date cells and serial numbers', () => {
    expect(cellDate(new Date(Date.UTC(2026, 9, 3)), place)).toBe('2026-10-03');
    expect(cellDate(46298, place)).toBe('2026-10-03');
  });

  it.each([['03/10/2026'], ['2026-02-30'], ['20261340'], ['yesterday'], ['12']])('refuses the date %s rather than guess', (text) => {
    expect(() => cellDate(text, place)).toThrow(/f\.csv|date/);
  });

  it('reads float cells to the scale, refusing real extra decimals', () => {
    expect(cellScaled(598.5, 2, 'amount', place)).toBe(59_850);
    expect(cellScaled(0.1 + 0.2, 2, 'amount', place)).toBe(30);
    expect(cellScaled(768.1, 2, 'amount', place)).toBe(76_810);
    expect(cellScaled(6.4235, 4, 'price', place)).toBe(64_235);
    expect(() => cellScaled(1.005, 2, 'amount', place)).toThrow(/more than 2 decimal places/);
    expect(() => cellScaled(null, 2, 'amount', place)).toThrow(/empty/);
    expect(cellScaled('1,234.50', 2, 'amount', place)).toBe(123_450);
  });

  it('writes numeric code cells without decimals', () => {
    expect(cellText(6901234500017)).toBe('6901234500017');
    expect(cellText(11)).toBe('11');
    expect(cellText('  A021\u00a0')).toBe('A021');
  });
});
