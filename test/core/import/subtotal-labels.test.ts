import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, isBlank, type Cell } from '../../../core/import/cell-values.js';
import type { HeaderMatch, MappedColumn } from '../../../core/import/detect-header.js';
import { KIND_SPECS } from '../../../core/import/import-kinds.js';
import { SubtotalWatch, TOTALS_CELL, TOTALS_PREFIX } from '../../../core/import/subtotal-rows.js';

/**
 * The rule as written before the product cell was asked first: the row's first label among its filled text cells,
 * then every product cell blank or that label. SubtotalWatch.isLabelled must say the same of every row.
 */
function labelledAsWritten(cells: Cell[], filled: number[], productColumns: number[], hasProducts: boolean): boolean {
  for (let k = 0; k < filled.length && k < 3; k++) if (TOTALS_PREFIX.test(cellText(cells[filled[k]!]!))) return true;
  const label = filled.find((i) => typeof cells[i] === 'string' && TOTALS_CELL.test(cellText(cells[i]!)));
  if (label === undefined) return false;
  if (!hasProducts) return true;
  return productColumns.every((col) => col === label || isBlank(cells[col] ?? null));
}

// A delivery file's columns: document, date, store, SKU, barcode, quantity, amount (two product columns).
const FIELDS = ['docNo', 'date', 'storeCode', 'sku', 'barcode', 'qty', 'amount'];
const header = (fields: string[]): HeaderMatch => ({
  index: 0, row: 1, ignored: [], competing: [],
  columns: fields.map((field, column): MappedColumn => ({ column, letter: String.fromCharCode(65 + column), heading: field, field, confidence: 100, basis: 'heading' })),
} as unknown as HeaderMatch);

const cell = fc.oneof(
  fc.constantFrom<Cell>(null, '', ' ', '小计', '单据小计', '合计：', 'Total', 'subtotal 3', '汇总', 'XSD0001', '2026-03-01', 'A010', 'P001',
    '6901234500017', '24', '153.60', '本页合计', ' 小计', 'grand total', 'Sum'),
  fc.integer({ min: -5, max: 500 }),
);

describe('a labelled subtotal row', () => {
  it('is told by the product cell first exactly as by the rule written over every cell', () => {
    for (const kind of ['deliveries', 'deductions'] as const) {
      const fields = kind === 'deliveries' ? FIELDS : ['docNo', 'date', 'storeCode', 'feeText', 'amount'];
      const watch = new SubtotalWatch(header(fields), KIND_SPECS[kind]);
      const productColumns = fields.flatMap((f, i) => (['sku', 'barcode', 'kaItemCode'].includes(f) ? [i] : []));
      const hasProducts = kind === 'deliveries';
      let labelled = 0;
      fc.assert(fc.property(fc.array(cell, { minLength: fields.length, maxLength: fields.length }), (cells) => {
        const filled = cells.flatMap((c, i) => (isBlank(c) ? [] : [i]));
        const expected = labelledAsWritten(cells, filled, productColumns, hasProducts);
        if (expected) labelled++;
        expect(watch.isLabelled(cells, filled)).toBe(expected);
      }), { numRuns: 20_000 });
      expect(labelled).toBeGreaterThan(1_000);
    }
  });

  it('is a line when a product sits beside the label, and a total when the label is in the product column', () => {
    const watch = new SubtotalWatch(header(FIELDS), KIND_SPECS.deliveries);
    const at = (cells: Cell[]) => watch.isLabelled(cells, cells.flatMap((c, i) => (isBlank(c) ? [] : [i])));
    expect(at(['XSD1', '2026-03-01', 'A010', 'P001', null, '24', '小计'])).toBe(false);
    expect(at([null, null, null, '小计', null, '24', '153.60'])).toBe(true);
    expect(at(['XSD1', '2026-03-01', '客户小计', '小计', null, '24', '153.60'])).toBe(false);
    expect(at(['XSD1', '2026-03-01', 'A010', 'P001', '6901234500017', '小计', '153.60'])).toBe(false);
    expect(at(['合计', null, null, 'P001', null, '24', '153.60'])).toBe(true);
  });
});
