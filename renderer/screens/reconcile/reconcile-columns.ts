import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { formatFen, formatQty } from '../../format/amount';

export type ResultRow = ServiceResult<'reconcile.lines'>['rows'][number];

/** The 合计 row pinned under the grid: the sums of every line the filter selects (all pages), its label under 日期. */
export const isTotalRow = (p: { node?: { rowPinned?: string | null } | null }) => p.node?.rowPinned === 'bottom';

const money = (get: (r: ResultRow) => number): Partial<ColDef<ResultRow>> => ({
  valueGetter: (p) => (p.data ? get(p.data) : null),
  valueFormatter: (p) => (p.value === null || p.value === undefined ? '' : formatFen(p.value as number)),
  cellClass: (p) => ((p.value as number) < 0 ? 'num neg' : 'num'),
  type: 'rightAligned', width: 130,
});

/**
 * The workbench's columns. Only the delivery date sorts (the order the index gives a million lines without a
 * sort); everything else is narrowed by the filter bar, which runs in SQLite.
 */
export function reconcileColumns(t: TFunction, confirmCell: (p: ICellRendererParams<ResultRow>) => unknown): ColDef<ResultRow>[] {
  // At 1366×768, with the line's detail open beside it, what identifies a line (date, store, delivery note, status) stays
  // on the left and its amounts (delivered, difference) and the confirm button on the right; the rest scrolls between.
  return [
    { field: 'delivery_date', headerName: t('reconcile.cols.date'), width: 100, pinned: 'left' },
    { field: 'store', headerName: t('reconcile.cols.store'), width: 78, pinned: 'left' },
    { field: 'delivery_no', headerName: t('reconcile.cols.delivery'), width: 128, pinned: 'left' },
    {
      field: 'status', headerName: t('reconcile.cols.status'), width: 84, pinned: 'left',
      valueFormatter: (p) => (p.value && !isTotalRow(p) ? t(`status.${p.value as string}`) : ''),
      cellClass: (p) => `status status-${p.value as string}`,
    },
    { field: 'ka', headerName: t('reconcile.cols.ka'), width: 66 },
    { field: 'store_name', headerName: t('reconcile.cols.storeName'), width: 160 },
    { field: 'order_no', headerName: t('reconcile.cols.po'), width: 130 },
    { field: 'sku', headerName: t('reconcile.cols.sku'), width: 96 },
    { field: 'product_name', headerName: t('reconcile.cols.product'), width: 170 },
    { headerName: t('reconcile.cols.dqty'), valueGetter: (p) => (p.data && !isTotalRow(p) ? formatQty(p.data.delivered_qty) : ''), type: 'rightAligned', width: 90 },
    { headerName: t('reconcile.cols.rqty'), valueGetter: (p) => (p.data && !isTotalRow(p) ? formatQty(p.data.received_qty) : ''), type: 'rightAligned', width: 90 },
    { headerName: t('reconcile.cols.received'), ...money((r) => r.line_received_fen) },
    { field: 'days_outstanding', headerName: t('reconcile.cols.days'), width: 90, type: 'rightAligned' },
    {
      field: 'decision', headerName: t('reconcile.cols.decision'), width: 96,
      valueFormatter: (p) => (p.value ? t(`decision.${p.value as string}`) + (p.data?.decision_stale ? ' ⚠' : '') : ''),
      tooltipValueGetter: (p) => (p.data?.decision_stale ? t('reconcile.stale') : undefined),
    },
    { field: 'note', headerName: t('reconcile.cols.note'), width: 180 },
    { headerName: t('reconcile.cols.delivered'), ...money((r) => r.line_delivered_fen), pinned: 'right', width: 118, colId: 'delivered' },
    { headerName: t('reconcile.cols.difference'), ...money((r) => r.line_received_fen - r.line_delivered_fen), pinned: 'right', width: 118, colId: 'difference' },
    { headerName: t('reconcile.cols.actions'), width: 76, pinned: 'right', cellRenderer: confirmCell, sortable: false },
  ];
}
