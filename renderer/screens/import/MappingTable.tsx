import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';

type Preview = ServiceResult<'import.preview'>;

/** How sure a reading is, as the user reads it: high, medium, low. */
export function confidenceClass(confidence: number): string {
  return confidence >= 85 ? 'high' : confidence >= 60 ? 'medium' : 'low';
}

/**
 * Each heading of the file, the field it is read as with how sure the reading is and why (its heading, its values,
 * a saved mapping, named by hand); the user may change any of them.
 */
export function MappingTable({ preview, map, onChange }: { preview: Preview; map: Record<string, string>; onChange: (heading: string, field: string) => void }) {
  const { t } = useTranslation();
  const rows = [
    ...preview.columns.map((c) => ({ column: c.column, heading: c.heading, field: c.field, confidence: c.confidence as number | null, basis: c.basis as string | null })),
    ...preview.ignoredColumns.map((c) => ({ column: c.column, heading: c.heading, field: '', confidence: null, basis: null })),
  ].sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
  const competing = new Set(preview.competing.flatMap((c) => c.columns.map((x) => x.column)));
  return (
    <table className="table mapping" data-testid="mapping-table">
      <thead><tr><th>{t('import.column')}</th><th>{t('import.heading')}</th><th>{t('import.field')}</th><th>{t('import.confidence')}</th><th>{t('import.basis')}</th></tr></thead>
      <tbody>
        {rows.map((r) => {
          const key = r.heading || r.column;
          const value = map[key] ?? r.field;
          return (
            <tr key={r.column} className={[value !== r.field ? 'changed' : '', competing.has(r.column) ? 'competing' : ''].join(' ').trim()}>
              <td>{r.column}</td>
              <td>{r.heading}</td>
              <td>
                <select aria-label={`${t('import.field')} ${r.heading}`} data-testid={`map-${r.column}`} value={value} onChange={(e) => onChange(key, e.target.value)}>
                  <option value="">{t('import.ignore')}</option>
                  {preview.fields.map((f) => (
                    <option key={f.field} value={f.field}>{t(`importFields.${f.field}`, { defaultValue: f.field })}{f.required ? ` (${t('import.required')})` : ''}</option>
                  ))}
                </select>
              </td>
              <td className={`num confidence ${r.confidence === null ? '' : confidenceClass(r.confidence)}`} data-testid={`confidence-${r.column}`}>
                {r.confidence === null ? '' : `${r.confidence}%`}
              </td>
              <td className="muted small">{r.basis ? t(`mappingBases.${r.basis}`) : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
