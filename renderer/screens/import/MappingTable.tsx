import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';

type Preview = ServiceResult<'import.preview'>;

/** Each heading of the file and the field it is read as; the user may change any of them. */
export function MappingTable({ preview, map, onChange }: { preview: Preview; map: Record<string, string>; onChange: (heading: string, field: string) => void }) {
  const { t } = useTranslation();
  const rows = [
    ...preview.columns.map((c) => ({ column: c.column, heading: c.heading, field: c.field })),
    ...preview.ignoredColumns.map((c) => ({ column: c.column, heading: c.heading, field: '' })),
  ].sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
  return (
    <table className="table mapping" data-testid="mapping-table">
      <thead><tr><th>{t('import.column')}</th><th>{t('import.heading')}</th><th>{t('import.field')}</th></tr></thead>
      <tbody>
        {rows.map((r) => {
          const value = map[r.heading] ?? r.field;
          return (
            <tr key={r.column} className={value !== r.field ? 'changed' : ''}>
              <td>{r.column}</td>
              <td>{r.heading}</td>
              <td>
                <select aria-label={`${t('import.field')} ${r.heading}`} data-testid={`map-${r.column}`} value={value} onChange={(e) => onChange(r.heading, e.target.value)}>
                  <option value="">{t('import.ignore')}</option>
                  {preview.fields.map((f) => (
                    <option key={f.field} value={f.field}>{t(`fields.${f.field}`, { defaultValue: f.field })}{f.required ? ` (${t('import.required')})` : ''}</option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
