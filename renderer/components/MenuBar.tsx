import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../contract/service-contract';

export type MenuCommand = 'new' | 'open' | 'backup' | 'restore' | 'close' | 'about' | 'shortcuts' | 'language' | 'signIn' | 'signOut' | { recent: string };

/**
 * The window's menu bar (文件, 帮助) as accessible menu buttons: Alt or F10 focuses it (and gives the focus back),
 * ArrowLeft/ArrowRight move along the bar (to 登录 too), ArrowDown opens a menu, arrow keys move in it, Escape
 * closes. The same commands exist in both hosts.
 */
export function MenuBar({ state, onCommand }: { state: ServiceResult<'app.state'>; onCommand: (c: MenuCommand) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'file' | 'help' | null>(null);
  const bar = useRef<HTMLDivElement>(null);

  /** where the focus was before F10 or Alt took it to the bar, to give it back (Escape, or F10/Alt again) */
  const cameFrom = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    // Alt pressed and let go alone (not Alt+3) or F10 moves to the bar and back, as a Windows menu bar does.
    let altAlone = false;
    const toggle = () => {
      const here = bar.current;
      if (!here) return;
      if (here.contains(document.activeElement)) {
        setOpen(null);
        if (cameFrom.current && document.contains(cameFrom.current)) cameFrom.current.focus();
        else (document.activeElement as HTMLElement | null)?.blur();
      } else {
        cameFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        topButtons()[0]?.focus();
      }
    };
    const down = (e: KeyboardEvent) => {
      altAlone = e.key === 'Alt' && !e.ctrlKey && !e.shiftKey && !e.metaKey;
      if (e.key === 'F10' && !e.altKey && !e.ctrlKey && !e.shiftKey && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        toggle();
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.key === 'Alt' && altAlone && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        toggle();
      }
      altAlone = false;
    };
    document.addEventListener('mousedown', close);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      document.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, []);
  /** the bar's own buttons (文件, 帮助, 登录/退出, language), left to right: ArrowLeft and ArrowRight move among them */
  const topButtons = () => [...(bar.current?.querySelectorAll<HTMLButtonElement>(':scope > .menu > button, :scope > button') ?? [])].filter((b) => !b.disabled);

  const run = (c: MenuCommand) => {
    setOpen(null);
    onCommand(c);
  };
  const hasBook = state.book !== null;
  const keys = (e: React.KeyboardEvent) => {
    const items = [...(bar.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]:not([disabled])') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    const tops = topButtons();
    const top = tops.findIndex((b) => b === document.activeElement || (b.parentElement !== bar.current && !!b.parentElement?.contains(document.activeElement)));
    const popup = (b: HTMLButtonElement | undefined) => b?.getAttribute('aria-haspopup') === 'menu' ? (b.dataset.testid === 'menu-help' ? 'help' : 'file') : null;
    if (e.key === 'Escape') {
      if (open) {
        setOpen(null);
        tops[top]?.focus();
      } else if (cameFrom.current && document.contains(cameFrom.current)) cameFrom.current.focus();
      else (document.activeElement as HTMLElement | null)?.blur();
    } else if (e.key === 'ArrowDown' && items.length) items[(i + 1) % items.length]!.focus();
    else if (e.key === 'ArrowDown' && popup(tops[top])) {
      // a closed menu opens on ArrowDown with its first command focused
      setOpen(popup(tops[top]));
      requestAnimationFrame(() => bar.current?.querySelector<HTMLButtonElement>('[role=menuitem]:not([disabled])')?.focus());
    } else if (e.key === 'ArrowUp' && items.length) items[(i - 1 + items.length) % items.length]!.focus();
    else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && top >= 0) {
      const next = tops[(top + (e.key === 'ArrowRight' ? 1 : tops.length - 1)) % tops.length]!;
      setOpen(open && popup(next) ? popup(next) : null);
      next.focus();
    } else return;
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
