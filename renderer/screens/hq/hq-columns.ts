import type { ColDef } from 'ag-grid-community';
import { moneyCol, type Row } from '../../components/DataGrid';

/**
 * The head office's money column: narrower than the book's and without the filter button, so a chain's or a
 * claim's figures fit side by side at 1366×768 (text columns keep their filters).
 */
export function hqMoney(field: string, headerName: string, extra: Partial<ColDef<Row>> = {}): ColDef<Row> {
  return moneyCol(field, headerName, { width: 112, filter: false, ...extra });
}

/** A right-aligned figure column (count, percent) without the filter button. */
export function hqFigure(field: string, headerName: string, width: number, extra: Partial<ColDef<Row>> = {}): ColDef<Row> {
  return { field, headerName, width, type: 'rightAligned', filter: false, ...extra };
}
