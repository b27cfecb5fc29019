import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DateColumn, dateShape, readDate } from '../../../core/import/date-styles.js';
import { importFile } from '../../../core/import/import-file.js';
import { bookState, sepBook } from '../../helpers/sep-book.js';
import { tempDir } from '../../helpers/temp-book.js';
import { renderMessage } from '../../../locale/index.js';

const HEADER = '验收单号,验收日期,门店编号,商品编码,验收数量,单价,金额';
const receiptsFile = (dates: string[], prefix = 'YS') => {
  const file = join(tempDir(), 'dates.csv');
  writeFileSync(file, [HEADER, ...dates.map((d, i) => `${prefix}${i + 1},${d},A021,P001,24,6.40,153.60`)].join('\n') + '\n');
  return file;
};
const docDates = (book: Awaited<ReturnType<typeof sepBook>>, batchId: number) =>
  (book.db.prepare('SELECT doc_no, doc_date FROM documents WHERE batch_id = ? ORDER BY id').all(batchId) as { doc_no: string; doc_date: string }[]).map((d) => d.doc_date);

describe('date styles', () => {
  it('knows each style by its shape, and which orders a day/month value allows', () => {
    expect(dateShape('2026-10-03')).toEqual({ style: 'ymd' });
    expect(dateShape('2026/10/3')).toEqual({ style: 'ymd' });
    expect(dateShape('20261003')).toEqual({ style: 'compact' });
    expect(dateShape(20261003)).toEqual({ style: 'compact' });
    expect(dateShape('2026年10月3日')).toEqual({ style: 'cjk' });
    expect(dateShape('25/10/2026')).toEqual({ style: 'slashed', orders: ['dmy'] });
    expect(dateShape('10/25/2026')).toEqual({ style: 'slashed', orders: ['mdy'] });
    expect(dateShape('03.04.2026')).toEqual({ style: 'slashed', orders: ['dmy', 'mdy'] });
    expect(dateShape('31/31/2026')).toBeUndefined();
    expect(dateShape(46298)).toEqual({ style: 'serial' });
    const col = new DateColumn();
    for (const v of ['03/04/2026', '05/06/2026']) col.add(v);
    expect(col.order()).toBeUndefined();
    col.add('13/06/2026');
    expect(col.order()).toBe('dmy');
    col.add('06/13/2026');
    expect(col.order()).toBe('both');
    expect(readDate('03/04/2026', 'dmy', {})).toBe('2026-04-03');
    expect(readDate('03/04/2026', 'mdy', {})).toBe('2026-03-04');
    expect(readDate('2026-10-03 08:15:00', undefined, {})).toBe('2026-10-03');
  });

  it('asks when no date of the column tells day from month, showing both readings, and writes nothing', async () => {
    const book = await sepBook();
    const before = bookState(book);
    const file = receiptsFile(['03/09/2026', '04/09/2026', '09/09/2026']);
    const r = await importFile(book, file, { kind: 'receipts', actor: 't', sampleRows: 5 });
    expect(r.dateQuestion).toEqual({ column: 'B', heading: '验收日期', field: 'date', value: '03/09/2026', dmy: '2026-09-03', mdy: '2026-03-09' });
    expect(r.errors.map((e) => e.reason.code)).toEqual(['import.date-order-undecidable']);
    expect(renderMessage('en', r.errors[0]!.reason)).toMatch(/--date-order dmy or --date-order mdy/);
    expect({ created: r.created, committed: r.committed, sample: r.sample?.rows.length }).toEqual({ created: 0, committed: false, sample: 3 });
    expect(bookState(book)).toBe(before);

    const dmy = await importFile(book, file, { kind: 'receipts', actor: 't', dateOrder: 'dmy' });
    expect(dmy.dateStyles).toEqual([{ column: 'B', heading: '验收日期', field: 'date', style: 'dmy', example: '03/09/2026' }]);
    expect(docDates(book, dmy.batchId!)).toEqual(['2026-09-03', '2026-09-04', '2026-09-09']);
  });

  it('decides from the whole column, even when the telling date is far down the file', async () => {
    const book = await sepBook();
    const days = Array.from({ length: 400 }, (_, i) => `${String((i % 12) + 1).padStart(2, '0')}/09/2026`);
    days.push('25/09/2026');
    const r = await importFile(book, receiptsFile(days), { kind: 'receipts', actor: 't', dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.dateStyles[0]!.style).toBe('dmy');
    expect(r.created).toBe(401);
    // Given the other order by mistake, the column's own values win: 25/09 cannot be month first.
    const wrong = await importFile(book, receiptsFile(['03/09/2026', '25/09/2026']), { kind: 'receipts', actor: 't', dateOrder: 'mdy', dryRun: true });
    expect(wrong.errors).toEqual([]);
    expect(wrong.dateStyles[0]!.style).toBe('dmy');
  });

  it('refuses a column that contradicts itself, naming a date of each reading', async () => {
    const book = await sepBook();
    const r = await importFile(book, receiptsFile(['25/09/2026', '09/26/2026']), { kind: 'receipts', actor: 't' });
    expect(r.errors.map((e) => [e.reason.code, e.reason.params])).toEqual([['import.date-order-mixed', { column: '验收日期 (column B)', dmy: '25/09/2026', mdy: '09/26/2026' }]]);
  });

  it('keeps the date order with a saved mapping, found again by the header signature', async () => {
    const book = await sepBook();
    const first = receiptsFile(['03/09/2026']);
    await importFile(book, first, { kind: 'receipts', actor: 't', kaCode: 'RTM', dateOrder: 'mdy', saveMappingAs: 'RTM 月在前' });
    const next = receiptsFile(['04/09/2026', '05/09/2026'], 'YSN');
    const r = await importFile(book, next, { kind: 'receipts', actor: 't', kaCode: 'RTM' });
    expect(r.appliedMapping).toMatchObject({ name: 'RTM 月在前', dateOrder: 'mdy' });
    expect(docDates(book, r.batchId!)).toEqual(['2026-04-09', '2026-05-09']);
  });

  it('reads a text again by its order, and refuses it again on every row that has it, each with its own place', () => {
    // The same texts many times over, as a file repeats its dates: what is read is kept per order, a refusal is not.
    for (let round = 0; round < 3; round++) {
      expect(readDate('05/06/2026', 'dmy', {})).toBe('2026-06-05');
      expect(readDate('05/06/2026', 'mdy', {})).toBe('2026-05-06');
      expect(() => readDate('05/06/2026', undefined, { file: 'a.csv', row: 10 + round })).toThrow(expect.objectContaining({
        code: 'import.date-order-unknown', place: { file: 'a.csv', row: 10 + round },
      }));
      expect(() => readDate('2026-02-30', undefined, { file: 'a.csv', row: 20 + round })).toThrow(expect.objectContaining({ place: { file: 'a.csv', row: 20 + round } }));
    }
  });

  it('names the row and column of a refused date read through a file', async () => {
    const book = await sepBook();
    const before = bookState(book);
    const r = await importFile(book, receiptsFile(['2026-09-03', '2026-09-03', '2026-13-03', '2026-09-03', '2026-13-03']), { kind: 'receipts', actor: 't', kaCode: 'RTM' });
    expect(r.committed).toBe(false);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([[4, '验收日期 (column B)'], [6, '验收日期 (column B)']]);
    expect(bookState(book)).toEqual(before);
  });
});
