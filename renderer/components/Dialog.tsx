import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog on the native <dialog> element: focus moves into it, Escape closes it, and the focus goes back to
 * where it was — or, when that is gone (the menu command that opened it, the 登录 button replaced by 退出登录), to
 * the screen, so the next Tab is in the window and not lost.
 */
export function Dialog({ title, children, onClose, testId }: { title: string; children: ReactNode; onClose: () => void; testId?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    const before = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    return () => {
      d?.close();
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (active && active !== document.body) return;
        if (before && document.contains(before)) return before.focus();
        const main = document.querySelector<HTMLElement>('main');
        if (!main) return;
        if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
        main.focus({ preventScroll: true });
      });
    };
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-label={title} data-testid={testId} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <h2>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions"><button type="button" onClick={onClose}>{t('app.close')}</button></div>
    </dialog>
  );
}
