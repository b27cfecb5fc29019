import { useTranslation } from 'react-i18next';

export interface ColumnSpec { key: string; label: string; kind: 'text' | 'yuan' | 'price' | 'percent' | 'bool' | { options: string[] }; width?: number }

/**
 * A small editable table inside a form (contract tiers, fee responsibility, promotion products): one row per line,
 * add and remove rows, every cell a labelled input so it works from the keyboard.
 */
export function RowsTable({ columns, rows, onChange, testId, error }: {
  columns: ColumnSpec[]; rows: Record<string, string | boolean>[]; onChange: (rows: Record<string, string | boolean>[]) => void; testId: string; error?: string | null;
}) {
  const { t } = useTranslation();
  const set = (i: number, key: string, value: string | boolean) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const blank = Object.fromEntries(columns.map((c) => [c.key, c.kind === 'bool' ? true : typeof c.kind === 'object' ? c.kind.options[0]! : '']));
  return (
    <div className="rows-table" data-testid={testId}>
      <table className="table compact">
        <thead><tr>{columns.map((c) => <th key={c.key}>{t(c.label)}</th>)}<th /></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.key}>
                  {c.kind === 'bool' ? (
                    <input type="checkbox" aria-label={`${t(c.label)} ${i + 1}`} checked={r[c.key] === true} onChange={(e) => set(i, c.key, e.target.checked)} />
                  ) : typeof c.kind === 'object' ? (
                    <select aria-label={`${t(c.label)} ${i + 1}`} value={String(r[c.key] ?? '')} onChange={(e) => set(i, c.key, e.target.value)}>
                      {c.kind.options.map((o) => <option key={o} value={o}>{t(`feeTypes.${o}`, { defaultValue: t(`terms.costMethod.${o}`, { defaultValue: o }) })}</option>)}
                    </select>
                  ) : (
                    <input aria-label={`${t(c.label)} ${i + 1}`} value={String(r[c.key] ?? '')} size={c.width ?? 10} data-testid={`${testId}-${i}-${c.key}`}
                      inputMode={c.kind === 'text' ? 'text' : 'decimal'} onChange={(e) => set(i, c.key, e.target.value)} />
                  )}
                </td>
              ))}
              <td><button type="button" aria-label={`${t('master.removeRow')} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>−</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-testid={`${testId}-add`} onClick={() => onChange([...rows, blank])}>+ {t('master.addRow')}</button>
      {error && <span className="field-error" role="alert">{error}</span>}
    </div>
  );
}
