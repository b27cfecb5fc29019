import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { gridTheme } from '../../app/grid-theme';

type Preview = ServiceResult<'import.preview'>;

/** The first rows under the detected header, as the file has them; mapped columns are titled with their field. */
export function SampleGrid({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const sample = preview.sample;
  const { columnDefs, rowData } = useMemo(() => {
    const fieldOf = new Map(preview.columns.map((c) => [c.heading, c.field]));
    const headings = sample?.headings ?? [];
    return {
      columnDefs: [
        { field: 'row', headerName: '#', width: 70, pinned: 'left' as const },
        ...headings.map((h, i) => ({
          field: `c${i}`, headerName: fieldOf.has(h) ? `${h} → ${t(`fields.${fieldOf.get(h)}`, { defaultValue: fieldOf.get(h) })}` : h,
          headerClass: fieldOf.has(h) ? 'mapped' : 'unmapped', minWidth: 110, flex: 1,
        })),
      ] as ColDef<Record<string, string | number>>[],
      rowData: (sample?.rows ?? []).map((r): Record<string, string | number> => ({ row: r.row, ...Object.fromEntries(r.cells.map((c, i) => [`c${i}`, c])) })),
    };
  }, [preview, sample, t]);
  if (!sample) return null;
  return (
    <section aria-label={t('import.sample', { n: sample.rows.length })}>
      <h3>{t('import.sample', { n: sample.rows.length })}</h3>
      <div className="grid small-grid" data-testid="sample-grid">
        <AgGridReact theme={gridTheme} columnDefs={columnDefs} rowData={rowData} domLayout="autoHeight" suppressMovableColumns />
      </div>
    </section>
  );
}
