import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Open panels, innermost last: Escape closes only the one on top. */
const open: HTMLElement[] = [];

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * A detail panel beside a grid: it takes the focus to its first field when it opens (so the keyboard goes on
 * where the eye goes), F6 moves between it and where the user came from, and Escape — or its close button —
 * closes it and gives the focus back.
 */
export function SidePanel({ title, children, onClose, testId, wide }: { title: string; children: ReactNode; onClose: () => void; testId?: string; wide?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const panel = ref.current!;
    cameFrom.current = document.activeElement instanceof HTMLElement && !panel.contains(document.activeElement) ? document.activeElement : null;
    open.push(panel);
    const first = panel.querySelector<HTMLElement>(`.panel-body ${FOCUSABLE}`) ?? panel.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    const keys = (e: KeyboardEvent) => {
      if (open.at(-1) !== panel || document.querySelector('dialog[open]')) return;
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        close.current();
      } else if (e.key === 'F6') {
        e.preventDefault();
        if (panel.contains(document.activeElement)) cameFrom.current?.focus();
        else {
          if (document.activeElement instanceof HTMLElement) cameFrom.current = document.activeElement;
          (panel.querySelector<HTMLElement>(`.panel-body ${FOCUSABLE}`) ?? panel.querySelector<HTMLElement>(FOCUSABLE))?.focus();
        }
      }
    };
    window.addEventListener('keydown', keys);
    return () => {
      window.removeEventListener('keydown', keys);
      open.splice(open.indexOf(panel), 1);
      const back = cameFrom.current;
      if (back && document.contains(back)) back.focus();
    };
  }, []);

  return (
    <aside ref={ref} className={`side-panel ${wide ? 'wide' : ''}`} aria-label={title} data-testid={testId}>
      <div className="panel-head">
        <h2>{title}</h2>
        <button type="button" className="link" onClick={onClose} aria-keyshortcuts="Escape" title={t('app.closeEsc')}>{t('app.close')}</button>
      </div>
      <div className="panel-body">{children}</div>
    </aside>
  );
}
