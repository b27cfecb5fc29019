import type { ColDef } from 'ag-grid-community';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Who works in the window now (the signed-in login, or '' before sign-in): grids remember their columns per person. */
export const WindowUserContext = createContext('');

const key = (user: string, gridId: string) => `ka-settle-columns:${user || '-'}:${gridId}`;

/** The columns a user hid in a grid, kept in this browser profile per user and grid. */
export function useColumnMemory(gridId: string | undefined) {
  const user = useContext(WindowUserContext);
  const read = () => {
    if (!gridId) return [] as string[];
    try {
      return JSON.parse(localStorage.getItem(key(user, gridId)) ?? '[]') as string[];
    } catch {
      return [];
    }
  };
  const [hidden, setHiddenState] = useState<string[]>(read);
  useEffect(() => setHiddenState(read()), [user, gridId]);
  const setHidden = (next: string[]) => {
    setHiddenState(next);
    if (gridId) localStorage.setItem(key(user, gridId), JSON.stringify(next));
  };
  return { hidden, setHidden };
}

/** Columns that may be hidden: every named one but the first (what identifies the row). */
export function hiddenColumns(hidden: string[], columns: ColDef[]): Set<string> {
  const firstField = columns.find((c) => c.field)?.field;
  return new Set(hidden.filter((f) => f !== firstField && columns.some((c) => c.field === f)));
}

/** 列: a button that opens the list of the grid's columns to show or hide, each a checkbox. */
export function ColumnChooser({ columns, hidden, onChange, testId }: { columns: ColDef[]; hidden: Set<string>; onChange: (hidden: string[]) => void; testId?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const firstField = columns.find((c) => c.field)?.field;
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    const esc = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setOpen(false); } };
    document.addEventListener('mousedown', away);
    ref.current?.addEventListener('keydown', esc);
    const el = ref.current;
    return () => { document.removeEventListener('mousedown', away); el?.removeEventListener('keydown', esc); };
  }, [open]);
  return (
    <div className="column-chooser" ref={ref}>
      <button type="button" className="link" aria-expanded={open} data-testid={testId} onClick={() => setOpen(!open)}>{t('app.columns')}</button>
      {open && (
        <div className="column-list" role="group" aria-label={t('app.columns')}>
          {columns.filter((c) => c.field && c.headerName).map((c) => (
            <label key={c.field} className="inline">
              <input type="checkbox" checked={!hidden.has(c.field!)} disabled={c.field === firstField}
                onChange={(e) => onChange(e.target.checked ? [...hidden].filter((f) => f !== c.field) : [...hidden, c.field!])} />
              {c.headerName}
            </label>
          ))}
          <button type="button" className="link" onClick={() => onChange([])}>{t('app.allColumns')}</button>
        </div>
      )}
    </div>
  );
}
