import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../contract/service-contract';

export type MenuCommand = 'new' | 'open' | 'backup' | 'restore' | 'close' | 'about' | 'shortcuts' | 'language' | 'signIn' | 'signOut' | { recent: string };

/**
 * The window's menu bar (文件, 帮助) as accessible menu buttons: Alt or F10 focuses it, arrow keys move, Escape
 * closes. The same commands exist in both hosts.
 */
export function MenuBar({ state, onCommand }: { state: ServiceResult<'app.state'>; onCommand: (c: MenuCommand) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'file' | 'help' | null>(null);
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  const run = (c: MenuCommand) => {
    setOpen(null);
    onCommand(c);
  };
  const hasBook = state.book !== null;
  const keys = (e: React.KeyboardEvent) => {
    const items = [...(bar.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]:not([disabled])') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') setOpen(null);
    else if (e.key === 'ArrowDown' && items.length) items[(i + 1) % items.length]!.focus();
    else if (e.key === 'ArrowUp' && items.length) items[(i - 1 + items.length) % items.length]!.focus();
    else return;
    e.preventDefault();
  };

  const item = (label: string, c: MenuCommand, disabled = false, testId?: string) => (
    <button type="button" role="menuitem" disabled={disabled} data-testid={testId} onClick={() => run(c)}>{label}</button>
  );

  return (
    <div className="menubar" role="menubar" ref={bar} onKeyDown={keys}>
      <div className="menu">
        <button type="button" aria-haspopup="menu" aria-expanded={open === 'file'} data-testid="menu-file" onClick={() => setOpen(open === 'file' ? null : 'file')}>{t('menu.file')}</button>
        {open === 'file' && (
          <div className="menu-items" role="menu">
            {item(t('menu.newBook'), 'new', false, 'menu-new')}
            {item(t('menu.openBook'), 'open', false, 'menu-open')}
            <div className="menu-group" role="group" aria-label={t('menu.recent')}>
              <span className="menu-label">{t('menu.recent')}</span>
              {state.recent.length === 0 && <span className="muted menu-label">{t('menu.noRecent')}</span>}
              {state.recent.map((r) => (
                <button key={r.path} type="button" role="menuitem" disabled={!r.exists} title={r.path} onClick={() => run({ recent: r.path })}>{r.path.replace(/^.*[\\/]/, '')}</button>
              ))}
            </div>
            <hr />
            {item(t('menu.backup'), 'backup', !hasBook, 'menu-backup')}
            {item(t('menu.restore'), 'restore', !hasBook, 'menu-restore')}
            {item(t('menu.closeBook'), 'close', !hasBook, 'menu-close')}
          </div>
        )}
      </div>
      <div className="menu">
        <button type="button" aria-haspopup="menu" aria-expanded={open === 'help'} data-testid="menu-help" onClick={() => setOpen(open === 'help' ? null : 'help')}>{t('menu.help')}</button>
        {open === 'help' && (
          <div className="menu-items" role="menu">
            {item(t('menu.shortcuts'), 'shortcuts')}
            {item(t('menu.about'), 'about')}
          </div>
        )}
      </div>
      <span className="menubar-fill" />
      {state.book && <span className="book-name" title={state.book.path}>{state.book.name}{state.book.isDemo ? ` · ${t('chooser.demoTag')}` : ''}</span>}
      {state.book && (state.user ? (
        <>
          <span className="user-name" data-testid="signed-in-user">{state.user.displayName} · {t(`roles.${state.user.role}`)}</span>
          <button type="button" data-testid="sign-out" onClick={() => onCommand('signOut')}>{t('signIn.signOut')}</button>
        </>
      ) : (
        <button type="button" data-testid="sign-in" onClick={() => onCommand('signIn')}>{t('signIn.title')}</button>
      ))}
      <button type="button" className="lang" data-testid="language" onClick={() => onCommand('language')}>{t('menu.language')}</button>
    </div>
  );
}
