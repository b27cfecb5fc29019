import type { Language } from '../../locale/index.js';
import { UserError } from '../errors.js';
import type { StatementDocument } from './statement-document.js';
import { detailValue, printWords, statementDetails, type DetailColumn } from './statement-sections.js';

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
  /** cells as the statement prints them: statuses and verdicts in the reader's words, money in fen, quantities in thousandths */
  rows: Record<string, unknown>[];
  offset: number;
  total: number;
}

/** At most this many rows a page: a page of the widest table stays far below the window's reply limit. */
export const DETAIL_PAGE_MAX = 500;

export function statementDetailTables(doc: StatementDocument, lang: Language = 'zh'): DetailTableInfo[] {
  return statementDetails(doc.content, lang).map((d, table) => ({ table, name: d.name, rows: d.rows.length }));
}

export function statementDetailPage(doc: Pick<StatementDocument, 'content'>, table: number, offset: number, limit: number, lang: Language = 'zh'): DetailPage {
  const details = statementDetails(doc.content, lang);
  const d = details[table];
  if (!d) throw new UserError('statement.no-such-detail', { table, tables: details.length }, { field: 'table' });
  const size = pageSize(limit);
  return pageOf(table, d.name, d.columns, d.rows.slice(offset, offset + size), offset, d.rows.length, lang);
}

/** How many rows a page asked for `limit` holds. */
export function pageSize(limit: number): number {
  return Math.max(1, Math.min(limit, DETAIL_PAGE_MAX));
}

/** A page of detail rows as the window shows them: values in the reader's words, the columns as headings. */
export function pageOf(table: number, name: string, columns: DetailColumn[], slice: Record<string, unknown>[], offset: number, total: number, lang: Language): DetailPage {
  const words = printWords(lang);
  const rows = slice.map((r) => Object.fromEntries(columns.map((c) => [c.key, detailValue(c, r[c.key], words) ?? null])));
  return {
    table, name, offset, total,
    columns: columns.map((c) => ({ key: c.key, header: c.header, ...(c.money ? { money: true } : {}), ...(c.qty ? { qty: true } : {}) })), rows,
  };
}
