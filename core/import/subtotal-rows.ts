import { cellScaled, cellText, isBlank, type Cell } from './cell-values.js';
import { looksNumeric } from './column-values.js';
import type { HeaderMatch } from './detect-header.js';
import type { KindSpec } from './import-kinds.js';
import { plainDecimal } from '../money/parse-decimal.js';

/** Leading cells of a totals row, as before: 合计, 小计, 本页合计 … (with or without a colon and the figure). */
export const TOTALS_PREFIX = /^(合计|总计|小计|本页合计|累计|汇总|total|grand total|subtotal|sum)\s*[:：]?/i;
/** A whole cell that is a subtotal label wherever it stands: 单据小计, 客户小计：大润发杨浦店, 日合计, Subtotal. */
export const TOTALS_CELL = /^(?:单据|单号|客户|门店|店铺|日|本日|当日|每日|本页|月|本月|类别|分类|品类|部门|供应商|总)?(?:小计|合计|总计|汇总|累计)(?:\s*[:：(（].*)?$|^(?:sub ?total|grand total|total|sum)\b.*$/i;
/** The first characters a TOTALS_PREFIX match can have (lower case): every cell of every row is asked. */
const PREFIX_STARTS = new Set(['合', '总', '小', '本', '累', '汇', 't', 'g', 's']);

/** Whether a cell can match TOTALS_PREFIX at all. */
export function mayStartTotals(text: string): boolean {
  return PREFIX_STARTS.has(text.charAt(0).toLowerCase());
}

/** Whether a cell can match TOTALS_CELL at all: it holds 计 or 汇 (小计, 汇总 …), or starts as sub/grand/total/sum do. */
export function mayNameTotal(text: string): boolean {
  const first = text.charAt(0).toLowerCase();
  return first === 's' || first === 'g' || first === 't' || text.includes('计') || text.includes('汇');
}

function isLabel(cell: Cell): boolean {
  if (typeof cell !== 'string') return false;
  const text = cellText(cell);
  return mayNameTotal(text) && TOTALS_CELL.test(text);
}

/** The fields that identify what a line is: on a subtotal row they are all blank. */
const IDENTIFYING = ['docNo', 'orderNo', 'storeCode', 'storeName', 'kaCode', 'distributorCode', 'sku', 'barcode', 'kaItemCode', 'productName',
  'feeText', 'reference', 'code', 'name', 'documentType'];
const PRODUCT_CODES = ['sku', 'barcode', 'kaItemCode'];

function fen(cell: Cell): number | undefined {
  if (typeof cell === 'string') {
    const plain = plainDecimal(cell, 2);
    if (plain !== undefined) return plain;
  }
  if (isBlank(cell) || !looksNumeric(cell)) return undefined;
  try {
    return cellScaled(cell, 2, 'amount', {});
  } catch {
    return undefined;
  }
}

/**
 * Recognises subtotal rows: labelled (小计 in any column, 合计 in the first cells) or unlabelled — a row with no
 * document, store, product or fee, whose amount is exactly the sum of the lines above it for their document, store,
 * day, block or the whole file, as ERP list exports insert them. A row that only looks like one is still read (and
 * refused if it is incomplete), so nothing is skipped that does not add up.
 */
export class SubtotalWatch {
  private readonly measure: string | undefined;
  private readonly hasProducts: boolean;
  private readonly productColumns: number[];
  private sums = { doc: 0, store: 0, day: 0, block: 0, all: 0 };
  private keys = { doc: '', store: '', day: '' };
  private cells: { doc: Cell | undefined; store: Cell | undefined; day: Cell | undefined } = { doc: undefined, store: undefined, day: undefined };

  constructor(private readonly header: HeaderMatch, spec: KindSpec) {
    const mapped = new Set(header.columns.map((c) => c.field));
    this.measure = mapped.has('amount') ? 'amount' : mapped.has('qty') ? 'qty' : undefined;
    this.hasProducts = spec.fields.some((f) => f.field === 'sku');
    this.productColumns = header.columns.filter((c) => PRODUCT_CODES.includes(c.field)).map((c) => c.column);
  }

  /** @param filled the columns of the row's filled cells, in order */
  isLabelled(cells: Cell[], filled: readonly number[]): boolean {
    for (let k = 0; k < filled.length && k < 3; k++) {
      const text = cellText(cells[filled[k]!]!);
      if (mayStartTotals(text) && TOTALS_PREFIX.test(text)) return true;
    }
    if (!this.hasProducts) return this.labelAt(cells, filled, Infinity) >= 0;
    // With products, a label row is a total only if every product cell is blank or is the label itself: a row with a
    // product is a total only when that one product cell is the row's first label (nearly every row has a product, and
    // then one cell is asked instead of all of them).
    let product = -1;
    for (const col of this.productColumns) {
      if (isBlank(cells[col] ?? null)) continue;
      if (product >= 0) return false;
      product = col;
    }
    if (product < 0) return this.labelAt(cells, filled, Infinity) >= 0;
    if (!isLabel(cells[product]!)) return false;
    return this.labelAt(cells, filled, product) < 0;
  }

  /** The first filled cell before column `before` that is a subtotal label, or -1. */
  private labelAt(cells: Cell[], filled: readonly number[], before: number): number {
    for (const i of filled) {
      if (i >= before) break;
      if (isLabel(cells[i]!)) return i;
    }
    return -1;
  }

  isUnlabelled(own: Record<string, Cell>): boolean {
    if (!this.measure) return false;
    if (IDENTIFYING.some((f) => !isBlank(own[f] ?? null))) return false;
    const value = this.measure === 'amount' ? fen(own.amount ?? null) : fen(own.qty ?? null);
    if (value === undefined || value === 0) return false;
    const s = this.sums;
    if ([s.doc, s.store, s.day, s.block, s.all].includes(value)) {
      s.block = 0;
      return true;
    }
    return false;
  }

  add(values: Record<string, Cell>): void {
    if (!this.measure) return;
    const value = fen(values[this.measure] ?? null) ?? 0;
    // A cell equal to the row above's has the same text: the text is only read when the cell changes.
    const doc = values.docNo ?? null;
    if (doc !== this.cells.doc) {
      this.cells.doc = doc;
      const text = cellText(doc);
      if (text !== this.keys.doc) [this.keys.doc, this.sums.doc] = [text, 0];
    }
    const store = values.storeCode ?? null;
    if (store !== this.cells.store) {
      this.cells.store = store;
      const text = cellText(store);
      if (text !== this.keys.store) [this.keys.store, this.sums.store] = [text, 0];
    }
    const day = values.date ?? null;
    if (day !== this.cells.day) {
      this.cells.day = day;
      const text = cellText(day);
      if (text !== this.keys.day) [this.keys.day, this.sums.day] = [text, 0];
    }
    this.sums.doc += value;
    this.sums.store += value;
    this.sums.day += value;
    this.sums.block += value;
    this.sums.all += value;
  }
}
