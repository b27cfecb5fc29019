import type { Book } from '../../db/connection.js';
import { statementVersions } from '../../db/queries/close.js';
import { deductionDetail, deductionDetailCount, deliveryDetailCount, deliveryDetailPage, distributorParty } from '../../db/queries/statement-data.js';
import type { Language } from '../../locale/index.js';
import { assertPeriod } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { statementFigures, type StatementContent, type StatementFiguresContent } from './build-statement.js';
import type { StatementDocument } from './statement-document.js';
import { pageOf, pageSize, statementDetailPage, statementDetailTables, type DetailPage, type DetailTableInfo } from './statement-detail-page.js';
import { deliveryColumns, printWords, statementDetails } from './statement-sections.js';
import { statementDocument } from './statement-service.js';

/**
 * A statement as the window's summary shows it: the figures, who signed, the sizes of the detail tables — and the
 * hash only where it is known without building every detail row. A prepared version's hash was frozen with it and
 * is read back; a draft's hash is over the whole statement (every delivery line of the month) and changes whenever
 * the book does, so the summary leaves it out (null) and the export and print, which build the whole statement,
 * carry it in their footer. Nothing is cached: each summary is computed from the book as it stands.
 */
export interface StatementSummary extends Omit<StatementDocument, 'content' | 'sha256'> {
  content: StatementFiguresContent;
  sha256: string | null;
  tables: DetailTableInfo[];
}

export function statementSummary(book: Book, periodText: string, distributorCode: string, version?: number, lang: Language = 'zh'): StatementSummary {
  const period = assertPeriod(periodText, { field: '--period' });
  const party = distributorParty(book, distributorCode);
  if (!party) throw new UserError('master.unknown-distributor', { code: distributorCode }, { field: '--distributor' });
  // A prepared version is stored whole: its summary is read from it, with the hash it was frozen with.
  if (version !== undefined || statementVersions(book, period, party.id).length > 0) {
    const doc = statementDocument(book, period, distributorCode, undefined, version);
    const { details: _details, ...content } = doc.content;
    return { ...doc, content, tables: statementDetailTables(doc, lang) };
  }
  const { figures, lists, partyId } = statementFigures(book, period, distributorCode);
  return {
    content: figures, sha256: null, version: null, status: 'draft', confirmations: [], heads: [],
    signers: (['prepared', 'reviewed', 'approved'] as const).map((step) => ({ step, login: null, name: null, at: null })),
    tables: detailTablesOfDraft(figures, lists, deliveryDetailCount(book, partyId, period), deductionDetailCount(book, partyId, period), lang),
  };
}

/**
 * The detail tables of a draft with their sizes: the short lists are at hand, the two long ones counted in SQL
 * (statementDetails puts deliveries first and deductions second).
 */
function detailTablesOfDraft(figures: StatementFiguresContent, lists: Omit<StatementContent['details'], 'deliveries' | 'deductions'>, deliveries: number, deductions: number, lang: Language): DetailTableInfo[] {
  const counted = [deliveries, deductions];
  return statementDetails({ ...figures, details: { ...lists, deliveries: [], deductions: [] } }, lang)
    .map((d, table) => ({ table, name: d.name, rows: counted[table] ?? d.rows.length }));
}

/**
 * One page of one detail table. A prepared version's rows are read from the version. A draft's 送货明细 page is
 * read by SQL a page at a time (LIMIT/OFFSET in the detail's own order), its other tables from the figures' lists.
 */
export function statementDetailPageOf(book: Book, periodText: string, distributorCode: string, version: number | undefined, table: number, offset: number, limit: number, lang: Language = 'zh'): DetailPage {
  const period = assertPeriod(periodText, { field: '--period' });
  const party = distributorParty(book, distributorCode);
  if (!party) throw new UserError('master.unknown-distributor', { code: distributorCode }, { field: '--distributor' });
  if (version !== undefined || statementVersions(book, period, party.id).length > 0) {
    return statementDetailPage(statementDocument(book, period, distributorCode, undefined, version), table, offset, limit, lang);
  }
  if (table === 0) {
    const rows = deliveryDetailPage(book, party.id, period, pageSize(limit), offset);
    return pageOf(0, printWords(lang).w('print.sheet-deliveries'), deliveryColumns(printWords(lang).w), rows, offset, deliveryDetailCount(book, party.id, period), lang);
  }
  const { figures, lists, partyId } = statementFigures(book, period, distributorCode);
  return statementDetailPage({ content: { ...figures, details: { ...lists, deliveries: [], deductions: deductionDetail(book, partyId, period) } } }, table, offset, limit, lang);
}
