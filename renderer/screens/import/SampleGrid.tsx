import type { CellClassParams, ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { gridTheme } from '../../app/grid-theme';

type Preview = ServiceResult<'import.preview'>;
type SampleRow = Record<string, string | number | number[] | undefined> & { filled?: number[] };

/**
 * The first rows under the detected header, as the file has them: mapped columns are titled with their field, cells
 * that took the value of the row above (a continued document) are marked, and each row says how its store was read.
 */
export function SampleGrid({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const sample = preview.sample;
  const { columnDefs, rowData, filledCount } = useMemo(() => {
    const fieldOf = new Map(preview.columns.map((c) => [c.heading, c.field]));
    const headings = sample?.headings ?? [];
    const rows = sample?.rows ?? [];
    const label = (field: string) => t(`importFields.${field}`, { defaultValue: field });
    return {
      filledCount: rows.reduce((n, r) => n + (r.filled?.length ?? 0), 0),
      columnDefs: [
        { field: 'row', headerName: '#', width: 64, pinned: 'left' as const },
        ...(preview.storeReadings.length ? [{ field: 'store', headerName: t('import.storeColumn'), width: 190, pinned: 'left' as const, cellClass: 'store-read' }] : []),
        ...headings.map((h, i) => ({
          field: `c${i}`, headerName: fieldOf.has(h) ? `${h} → ${label(fieldOf.get(h)!)}` : h,
          headerClass: fieldOf.has(h) ? 'mapped' : 'unmapped', minWidth: 110, flex: 1,
          cellClassRules: { 'filled-cell': (p: CellClassParams<SampleRow>) => (p.data?.filled ?? []).includes(i) },
        })),
      ] as ColDef<SampleRow>[],
      rowData: rows.map((r): SampleRow => ({
        row: r.row, filled: r.filled ?? [],
        store: r.store ? (r.store.store ? `${r.store.store.ka}/${r.store.store.code} · ${t(`storeReadings.${r.store.reading}`)}` : t('import.chainStore')) : '',
        ...Object.fromEntries(r.cells.map((c, i) => [`c${i}`, c])),
      })),
    };
  }, [preview, sample, t]);
  if (!sample) return null;
  return (
    <section aria-label={t('import.sample', { n: sample.rows.length })}>
      <h3>{t('import.sample', { n: sample.rows.length })}</h3>
      {filledCount > 0 && <p className="muted small"><span className="legend filled-cell" /> {t('import.filledLegend', { count: preview.filledCells })}</p>}
      <div className="grid small-grid" data-testid="sample-grid">
        <AgGridReact theme={gridTheme} columnDefs={columnDefs} rowData={rowData} domLayout="autoHeight" suppressMovableColumns />
      </div>
    </section>
  );
}
