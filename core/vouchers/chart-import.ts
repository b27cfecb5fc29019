import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Book } from '../../db/connection.js';
import { replaceGlChart, type GlChartRow } from '../../db/queries/gl-mapping.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError } from '../errors.js';
import { cellText, isBlank } from '../import/cell-values.js';
import { columnLetter, detectHeader, HEADER_SCAN_ROWS, type ExplicitMapping } from '../import/detect-header.js';
import type { KindSpec } from '../import/import-kinds.js';
import { openTable, type RawRow } from '../import/read-rows.js';
import { requirePermission } from '../users/permissions.js';
import type { SignedIn } from '../users/users.js';
import { assertGlCode } from './gl-code.js';

/** A GL's chart export (科目表): code and name, and where the GL gives them, the full name and the 核算项目. */
const CHART_SPEC: KindSpec = {
  fields: [
    { field: 'code', groups: ['code'], type: 'text', required: true },
    { field: 'name', groups: ['name'], type: 'text', required: true },
    { field: 'fullName', groups: [], type: 'text' },
    { field: 'aux', groups: [], type: 'text' },
  ],
};

/** How 金蝶 (K/3, KIS, 云星空) and 用友 (U8, T+, 好会计) head the columns of their chart exports. */
const CHART_HEADINGS: ExplicitMapping = {
  科目代码: 'code', 科目编码: 'code', 科目编号: 'code', 会计科目代码: 'code', 会计科目编码: 'code', 'account code': 'code',
  科目名称: 'name', 会计科目名称: 'name', 'account name': 'name',
  全名: 'fullName', 科目全名: 'fullName', 科目全称: 'fullName', 'full name': 'fullName',
  核算项目: 'aux', 辅助核算: 'aux', 辅助核算项目: 'aux', 核算类别: 'aux', 辅助核算类别: 'aux',
};

export interface ChartImport {
  file: string;
  headerRow: number;
  accounts: number;
  leaves: number;
}

/** 末级科目: a code no other code continues (1122 has 1122.01 or 112201 under it; 1122.01 has nothing). */
function withLeaves(rows: Omit<GlChartRow, 'is_leaf'>[]): GlChartRow[] {
  const codes = rows.map((r) => r.gl_code).sort();
  const parents = new Set<string>();
  for (let i = 0; i + 1 < codes.length; i++) if (codes[i + 1]!.startsWith(codes[i]!)) parents.add(codes[i]!);
  return rows.map((r) => ({ ...r, is_leaf: parents.has(r.gl_code) ? 0 : 1 }));
}

async function readChart(file: string): Promise<{ headerRow: number; rows: Omit<GlChartRow, 'is_leaf'>[] }> {
  const all: RawRow[] = [];
  for await (const r of (await openTable(file)).rows) all.push(r);
  // The GLs' own headings name the columns outright, as a mapping by hand would.
  const header = detectHeader(all.slice(0, HEADER_SCAN_ROWS), CHART_SPEC, { explicit: CHART_HEADINGS });
  const column = (field: string) => header?.columns.find((c) => c.field === field)?.column;
  const code = column('code');
  const name = column('name');
  if (!header || code === undefined || name === undefined) throw new UserError('vouchers.chart-no-header', { rows: HEADER_SCAN_ROWS }, { file });
  const fullName = column('fullName');
  const aux = column('aux');
  const seen = new Map<string, number>();
  const rows: Omit<GlChartRow, 'is_leaf'>[] = [];
  for (const r of all.slice(header.index + 1)) {
    const codeCell = r.cells[code] ?? null;
    // Category rows (资产类, 负债类 …) and blank rows carry no code.
    if (isBlank(codeCell)) continue;
    const place = { file, row: r.row, field: `${header.columns.find((c) => c.field === 'code')!.heading} (${columnLetter(code)})` };
    const glCode = assertGlCode(cellText(codeCell), place);
    const glName = cellText(r.cells[name] ?? null);
    if (!glName) throw new UserError('vouchers.chart-missing-name', { code: glCode }, { ...place, field: header.columns.find((c) => c.field === 'name')!.heading });
    const first = seen.get(glCode);
    if (first !== undefined) throw new UserError('vouchers.chart-duplicate', { code: glCode, first }, place);
    seen.set(glCode, r.row);
    rows.push({
      gl_code: glCode, gl_name: glName,
      full_name: fullName === undefined ? null : cellText(r.cells[fullName] ?? null) || null,
      aux_text: aux === undefined ? null : cellText(r.cells[aux] ?? null) || null,
    });
  }
  if (rows.length === 0) throw new UserError('vouchers.chart-empty', {}, { file });
  return { headerRow: header.row, rows };
}

/**
 * Imports the company's chart of accounts from its GL's own export (.xlsx, .xls saved as HTML, .csv), the header
 * found wherever it is in the first rows. Every row is read first: a bad one names its row and column and nothing
 * is written. The chart replaces the one before; mappings are then checked against it and proposals made from it.
 */
export async function importChart(book: Book, user: SignedIn, file: string): Promise<ChartImport> {
  requirePermission(user, 'vouchers');
  let sha256: string;
  try {
    sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    throw new UserError('import.file-not-found', {}, { file });
  }
  const read = await readChart(file);
  const rows = withLeaves(read.rows);
  return book.write(() => {
    replaceGlChart(book, rows);
    const leaves = rows.filter((r) => r.is_leaf === 1).length;
    new AuditWriter(book).append({ actor: user.username, action: 'import', entity: 'gl_chart', entityKey: basename(file), after: { sha256, accounts: rows.length, leaves } });
    return { file, headerRow: read.headerRow, accounts: rows.length, leaves };
  });
}
