import { UserError } from '../errors.js';
import type { StatementDocument } from './statement-document.js';
import { statementDetails } from './statement-sections.js';

/**
 * The window's view of a statement's detail tables (送货明细, 扣费明细, …): their names and sizes with the summary,
 * then one page of one table at a time. A distributor-month of the large book has some 20,000 delivery lines; as
 * HTML in one reply that was 4.6 MB and froze the window for seconds on every switch between distributors, while
 * the summary alone is a few kilobytes. The PDF and .xlsx still carry every row.
 */
export interface DetailTableInfo {
  /** its place in statementDetails, which is what a page asks for */
  table: number;
  name: string;
  rows: number;
}

export interface DetailPage {
  table: number;
  name: string;
  columns: { key: string; header: string; money?: boolean; qty?: boolean }[];
  rows: Record<string, unknown>[];
  offset: number;
  total: number;
}

/** At most this many rows a page: a page of the widest table stays far below the window's reply limit. */
export const DETAIL_PAGE_MAX = 500;

export function statementDetailTables(doc: StatementDocument): DetailTableInfo[] {
  return statementDetails(doc.content).map((d, table) => ({ table, name: d.name, rows: d.rows.length }));
}

export function statementDetailPage(doc: StatementDocument, table: number, offset: number, limit: number): DetailPage {
  const details = statementDetails(doc.content);
  const d = details[table];
  if (!d) throw new UserError('statement.no-such-detail', { table, tables: details.length }, { field: 'table' });
  const size = Math.max(1, Math.min(limit, DETAIL_PAGE_MAX));
  return { table, name: d.name, columns: d.columns, rows: d.rows.slice(offset, offset + size), offset, total: d.rows.length };
}
