import type { CellKeyDownEvent, ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { gridTheme } from '../app/grid-theme';
import { formatFen } from '../format/amount';

export type Row = Record<string, unknown>;

/** A money column: fen shown as ¥1,234.56, right-aligned, negatives red. */
export function moneyCol(field: string, headerName: string, extra: Partial<ColDef<Row>> = {}): ColDef<Row> {
  return {
    field, headerName, type: 'rightAligned', width: 130,
    valueFormatter: (p) => (typeof p.value === 'number' ? formatFen(p.value) : ''),
    cellClass: (p) => (typeof p.value === 'number' && p.value < 0 ? 'num neg' : 'num'),
    ...extra,
  };
}

/**
 * A client-side grid for the lists of the product (hundreds to a few thousand rows). Arrow keys move, Enter opens
 * the row (as a click does), so every list works from the keyboard.
 */
export function DataGrid({ rows, columns, onOpen, rowId, testId, height = 420, selectedId }: {
  rows: Row[]; columns: ColDef<Row>[]; onOpen?: (row: Row) => void; rowId?: (row: Row) => string; testId?: string; height?: number | 'auto'; selectedId?: string | null;
}) {
  const keyDown = (e: CellKeyDownEvent<Row>) => {
    if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && e.data) onOpen?.(e.data);
  };
  return (
    <div className="grid" data-testid={testId} style={height === 'auto' ? undefined : { height }}>
      <AgGridReact<Row>
        theme={gridTheme}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={{ resizable: true, sortable: true, filter: true, minWidth: 70 }}
        domLayout={height === 'auto' ? 'autoHeight' : 'normal'}
        suppressColumnVirtualisation
        animateRows={false}
        rowSelection={onOpen ? { mode: 'singleRow', checkboxes: false, enableClickSelection: true } : undefined}
        getRowId={rowId ? (p) => rowId(p.data) : undefined}
        rowClassRules={selectedId ? { 'row-open': (p) => !!p.data && !!rowId && rowId(p.data) === selectedId } : undefined}
        onRowClicked={(e) => e.data && onOpen?.(e.data)}
        onCellKeyDown={keyDown}
      />
    </div>
  );
}
