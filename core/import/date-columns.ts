import type { DateOrder } from '../../vocabulary/index.js';
import { UserError } from '../errors.js';
import type { Cell } from './cell-values.js';
import { bothReadings, DateColumn } from './date-styles.js';
import type { HeaderMatch } from './detect-header.js';
import type { KindSpec } from './import-kinds.js';
import type { FileImportReport } from './import-report.js';
import type { RawRow } from './read-rows.js';

export interface DateDecision {
  /** the day/month order of each date field whose column writes 03/10/2026 */
  orders: Map<string, DateOrder>;
  styles: FileImportReport['dateStyles'];
  question?: FileImportReport['dateQuestion'];
  /** the column cannot be read (undecidable without an answer, or contradicting itself): nothing of the file is read */
  refusal?: UserError;
}

/**
 * Decides how each date column is read, from the whole column: the rows already read, and — when those hold
 * day/month dates none of which tells the order — every other row of the file, read once more for those columns
 * only. An order given by the user (--date-order, the wizard, a saved mapping) is taken when no value contradicts
 * the whole column; otherwise the values decide.
 */
export async function decideDateColumns(
  header: HeaderMatch, spec: KindSpec, head: RawRow[], restOfFile: () => Promise<AsyncIterable<RawRow>>, given: DateOrder | undefined, file: string,
): Promise<DateDecision> {
  const dateFields = new Set(spec.fields.filter((f) => f.type === 'date').map((f) => f.field));
  const cols = header.columns.filter((c) => dateFields.has(c.field));
  const columns = new Map(cols.map((c) => [c.column, new DateColumn()]));
  const add = (cells: Cell[]) => {
    for (const [i, col] of columns) col.add(cells[i] ?? null);
  };
  const below = head.slice(header.index + 1);
  for (const r of below) add(r.cells);
  if ([...columns.values()].some((c) => c.hasSlashed && c.order() === undefined)) {
    const lastRead = head.at(-1)?.row ?? 0;
    for await (const r of await restOfFile()) if (r.row > lastRead) add(r.cells);
  }
  const decision: DateDecision = { orders: new Map(), styles: [] };
  for (const c of cols) {
    const col = columns.get(c.column)!;
    const where = `${c.heading} (column ${c.letter})`;
    const seen = col.order();
    if (seen === 'both') {
      decision.refusal ??= new UserError('import.date-order-mixed', { column: where, dmy: col.decisive.dmy!, mdy: col.decisive.mdy! }, { file, field: where });
      continue;
    }
    const order = seen ?? (col.hasSlashed ? given : undefined);
    if (col.hasSlashed && !order) {
      const readings = bothReadings(col.slashedExample!)!;
      decision.question ??= { column: c.letter, heading: c.heading, field: c.field, value: col.slashedExample!, ...readings };
      decision.refusal ??= new UserError('import.date-order-undecidable', { column: where, value: col.slashedExample!, ...readings }, { file, field: where });
      continue;
    }
    if (order && col.hasSlashed) decision.orders.set(c.field, order);
    const style = col.style(order);
    if (style && col.example) decision.styles.push({ column: c.letter, heading: c.heading, field: c.field, style, example: col.example });
  }
  return decision;
}
