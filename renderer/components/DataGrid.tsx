import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import type { CellKeyDownEvent, ColDef, GridApi, GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gridTheme } from '../app/grid-theme';
import { formatFen } from '../format/amount';
import { useWords } from '../i18n/words';
import { ColumnChooser, hiddenColumns, useColumnMemory } from './ColumnChooser';

export type Row = Record<string, unknown>;

/** The marker of the totals row (合计): it is pinned at the bottom and never opens. */
export const TOTAL_ROW = '__total';

/** A money column: fen shown as ¥1,234.56, right-aligned, negatives red; summed in the grid's 合计 row. */
export function moneyCol(field: string, headerName: string, extra: Partial<ColDef<Row>> = {}): ColDef<Row> {
  return {
    field, headerName, type: 'rightAligned', width: 130, minWidth: 110, context: { money: true },
    valueFormatter: (p) => (typeof p.value === 'number' ? formatFen(p.value) : ''),
    cellClass: (p) => (typeof p.value === 'number' && p.value < 0 ? 'num neg' : 'num'),
    ...extra,
  };
}

/** The grid's words from AG Grid's own translations (中文 by default, English when switched). */
export function useGridLocale() {
  const { lang } = useWords();
  return lang === 'zh' ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN;
}

const isMoney = (c: ColDef<Row>) => (c.context as { money?: boolean } | undefined)?.money === true && typeof c.field === 'string';

/**
 * A client-side grid for the lists of the product (hundreds to a few thousand rows). Arrow keys move, Enter opens
 * the row (as a click does), so every list works from the keyboard. A grid with money has a 合计 row that sums what
 * its filter shows; identifying columns can be pinned; with a gridId, the columns shown are the user's choice and
 * remembered for them.
 */
export function DataGrid({ rows, columns, onOpen, rowId, testId, height = 420, selectedId, gridId, totals = true }: {
  rows: Row[]; columns: ColDef<Row>[]; onOpen?: (row: Row) => void; rowId?: (row: Row) => string; testId?: string; height?: number | 'auto';
  selectedId?: string | null; gridId?: string; totals?: boolean;
}) {
  const { t } = useTranslation();
  const localeText = useGridLocale();
  const api = useRef<GridApi<Row> | null>(null);
  const memory = useColumnMemory(gridId);
  const money = useMemo(() => columns.filter(isMoney).map((c) => c.field as string), [columns]);
  const [totalRow, setTotalRow] = useState<Row[] | undefined>(undefined);
  const first = columns.find((c) => !isMoney(c))?.field;

  const sum = useCallback(() => {
    if (!totals || !money.length || !api.current) return setTotalRow(undefined);
    const out: Row = { [TOTAL_ROW]: true };
    for (const f of money) out[f] = 0;
    api.current.forEachNodeAfterFilter((n) => {
      for (const f of money) if (typeof n.data?.[f] === 'number') out[f] = (out[f] as number) + (n.data[f] as number);
    });
    if (first) out[first] = t('app.total');
    setTotalRow([out]);
  }, [money, totals, first, t]);

  const keyDown = (e: CellKeyDownEvent<Row>) => {
    if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && e.data && !e.data[TOTAL_ROW]) onOpen?.(e.data);
  };
  const hidden = hiddenColumns(memory.hidden, columns);
  // The 合计 row shows its sums and its label; every other column of it stays empty (no formatter sees a blank).
  const shown = columns.map((c): ColDef<Row> => ({
    ...c, hide: c.field ? hidden.has(c.field) : c.hide,
    ...(c.valueFormatter && !isMoney(c) ? { valueFormatter: (p) => (p.data?.[TOTAL_ROW] ? String(p.value ?? '') : typeof c.valueFormatter === 'function' ? c.valueFormatter(p) : '') } : {}),
    ...(c.valueGetter && !isMoney(c) ? { valueGetter: (p) => (p.data?.[TOTAL_ROW] ? '' : typeof c.valueGetter === 'function' ? c.valueGetter(p) : undefined) } : {}),
  }));
  return (
    <div className="grid-wrap">
      {gridId && <ColumnChooser columns={columns} hidden={hidden} onChange={memory.setHidden} testId={testId ? `${testId}-columns` : undefined} />}
      <div className="grid" data-testid={testId} style={height === 'auto' ? undefined : { height }}>
        <AgGridReact<Row>
          theme={gridTheme}
          localeText={localeText}
          rowData={rows}
          columnDefs={shown}
          defaultColDef={{ resizable: true, sortable: true, filter: true, minWidth: 70 }}
          domLayout={height === 'auto' ? 'autoHeight' : 'normal'}
          suppressColumnVirtualisation
          animateRows={false}
          pinnedBottomRowData={totalRow}
          rowSelection={onOpen ? { mode: 'singleRow', checkboxes: false, enableClickSelection: true } : undefined}
          getRowId={rowId ? (p) => (p.data[TOTAL_ROW] ? TOTAL_ROW : rowId(p.data)) : undefined}
          getRowClass={(p) => (p.data?.[TOTAL_ROW] ? 'row-total' : undefined)}
          rowClassRules={selectedId ? { 'row-open': (p) => !!p.data && !!rowId && !p.data[TOTAL_ROW] && rowId(p.data) === selectedId } : undefined}
          onGridReady={(e: GridReadyEvent<Row>) => { api.current = e.api; sum(); }}
          onRowDataUpdated={sum}
          onFilterChanged={sum}
          onRowClicked={(e) => e.data && !e.data[TOTAL_ROW] && onOpen?.(e.data)}
          onCellKeyDown={keyDown}
        />
      </div>
    </div>
  );
}
