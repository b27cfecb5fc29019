import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Open panels, innermost last: Escape closes only the one on top. */
const open: HTMLElement[] = [];

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';
/** the grid and row each element the focus came from sat in (a row's cell is replaced when the grid re-draws) */
const grids = new WeakMap<HTMLElement, { grid: HTMLElement; rowIndex: string | null }>();
function remember(el: HTMLElement | null) {
  const grid = el?.closest<HTMLElement>('.ag-root-wrapper');
  if (el && grid) grids.set(el, { grid, rowIndex: el.closest('.ag-row')?.getAttribute('row-index') ?? null });
}
const FIELDS = 'input:not([disabled]):not([type=hidden]):not([type=file]), select:not([disabled]), textarea:not([disabled])';

/** The panel's first field (what the user came to fill in), else the first thing that takes the focus. */
const firstField = (panel: HTMLElement) => panel.querySelector<HTMLElement>(`.panel-body :is(${FIELDS})`)
  ?? panel.querySelector<HTMLElement>(`.panel-body :is(${FOCUSABLE})`) ?? panel.querySelector<HTMLElement>(FOCUSABLE);

/**
 * A detail panel beside a grid: it takes the focus to its first field when it opens (so the keyboard goes on
 * where the eye goes), F6 moves between its first field and where the user came from (the grid's row), and
 * Escape — or its close button — closes it and gives the focus back.
 */
export function SidePanel({ title, children, onClose, testId, wide, className = '', autoFocus = true }: {
  title: string; children: ReactNode; onClose: () => void; testId?: string; wide?: boolean; className?: string;
  /** false where the arrows go on walking the grid's rows with the panel open (F6 still reaches it) */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const panel = ref.current!;
    cameFrom.current = document.activeElement instanceof HTMLElement && !panel.contains(document.activeElement) ? document.activeElement : null;
    // A grid re-draws its rows as they change (a line reclassified out of the filter is gone): the focus then goes
    // back to the same row of the grid, or its last, rather than nowhere.
    const giveBack = () => {
      const back = cameFrom.current;
      if (!back) return;
      if (document.contains(back)) return back.focus();
      const at = grids.get(back);
      if (!at || !document.contains(at.grid)) return;
      const rows = [...at.grid.querySelectorAll<HTMLElement>('.ag-row')].filter((r) => /^\d+$/.test(r.getAttribute('row-index') ?? ''));
      const row = rows.find((r) => r.getAttribute('row-index') === at.rowIndex) ?? rows.at(-1);
      row?.querySelector<HTMLElement>('.ag-cell')?.focus();
    };
    remember(cameFrom.current);
    open.push(panel);
    if (autoFocus) firstField(panel)?.focus();
    const keys = (e: KeyboardEvent) => {
      if (open.at(-1) !== panel || document.querySelector('dialog[open]')) return;
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        close.current();
      } else if (e.key === 'F6') {
        e.preventDefault();
        if (panel.contains(document.activeElement)) giveBack();
        else {
          if (document.activeElement instanceof HTMLElement) {
            cameFrom.current = document.activeElement;
            remember(cameFrom.current);
          }
          firstField(panel)?.focus();
        }
      }
    };
    window.addEventListener('keydown', keys);
    return () => {
      window.removeEventListener('keydown', keys);
      open.splice(open.indexOf(panel), 1);
      giveBack();
    };
  }, []);

  return (
    <aside ref={ref} className={`side-panel ${wide ? 'wide' : ''} ${className}`} aria-label={title} data-testid={testId}>
      <div className="panel-head">
        <h2>{title}</h2>
        <button type="button" className="link" onClick={onClose} aria-keyshortcuts="Escape" title={t('app.closeEsc')}>{t('app.close')}</button>
      </div>
      <div className="panel-body">{children}</div>
    </aside>
  );
}
