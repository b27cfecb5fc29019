import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceError, ServiceResult } from '../../contract/service-contract';
import { WindowUserContext } from '../components/ColumnChooser';
import { Dialog } from '../components/Dialog';
import { ErrorNotice, asServiceError } from '../components/ErrorNotice';
import { MenuBar, type MenuCommand } from '../components/MenuBar';
import { Sidebar } from '../components/Sidebar';
import { hostGuards } from '../host/guarded-host';
import { useHost } from '../host/host-context';
import { useRevision } from '../host/use-query';
import { switchLanguage } from '../i18n/i18n';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { CreditScreen } from '../screens/credit/CreditScreen';
import { FeesScreen } from '../screens/fees/FeesScreen';
import { MasterDataScreen } from '../screens/master/MasterDataScreen';
import { SettlementScreen } from '../screens/settlement/SettlementScreen';
import { TermsScreen } from '../screens/terms/TermsScreen';
import { BookChooser } from '../screens/book-chooser/BookChooser';
import { HomeScreen } from '../screens/home/HomeScreen';
import { ImportWizard } from '../screens/import/ImportWizard';
import { ReconcileWorkbench } from '../screens/reconcile/ReconcileWorkbench';
import { HqOpenPanel, type HqState } from '../screens/hq/HqOpenPanel';
import { HqScreen } from '../screens/hq/HqScreen';
import { AREAS, parseRoute, routeHash, type Route } from './areas';
import { ProtectionBanner } from './ProtectionBanner';
import { RestoreDialog } from './RestoreDialog';
import { SignInDialog } from './SignInDialog';

type AppState = ServiceResult<'app.state'>;

/** The window: menu bar, then either the book chooser or the sidebar of areas and the current screen. */
export function App() {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const [state, setState] = useState<AppState | null>(null);
  const [hq, setHq] = useState<HqState | null>(null);
  const [periods, setPeriods] = useState<ServiceResult<'book.periods'>['periods']>([]);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [chooser, setChooser] = useState<'create' | 'open' | null>(null);
  const [pendingOpen, setPendingOpen] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'about' | 'shortcuts' | 'restore' | 'signIn' | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<ServiceError | null>(null);

  const loadState = useCallback(async () => {
    try {
      const s = await host.call('app.state', {});
      setState(s);
      setHq(await host.call('hq.state', {}));
      setPeriods(s.book ? (await host.call('book.periods', {})).periods : []);
    } catch (e) {
      setError(asServiceError(e));
    }
  }, [host]);
  // The book's state and its months follow every write that changes them (contract/subjects.ts): no F5.
  const booksRevision = useRevision('book.periods');
  const stateRevision = useRevision('app.state');
  useEffect(() => void loadState(), [loadState, booksRevision, stateRevision]);

  // Any write refused for want of a signed-in user asks for one here, and goes ahead once they have signed in.
  const [ask, setAsk] = useState<{ what: string } | null>(null);
  const waiting = useRef<((ok: boolean) => void)[]>([]);
  const answer = useCallback((ok: boolean) => {
    for (const resolve of waiting.current.splice(0)) resolve(ok);
    setAsk(null);
    if (ok) void loadState();
  }, [loadState]);
  useEffect(() => {
    hostGuards.current = {
      signIn: (what) => new Promise<boolean>((resolve) => {
        waiting.current.push(resolve);
        setAsk((a) => a ?? { what });
      }),
      restarted: () => {
        setNotice(t('security.restarted'));
        void loadState();
      },
    };
    return () => {
      hostGuards.current = null;
    };
  }, [loadState, t]);

  const go = useCallback((r: Route) => {
    history.pushState(null, '', routeHash(r));
    setRoute(r);
  }, []);
  useEffect(() => {
    const back = () => setRoute(parseRoute(location.hash));
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);

  const command = useCallback(async (c: MenuCommand) => {
    setNotice('');
    try {
      if (typeof c === 'object') {
        // A recent book is opened from the chooser, where a failed startup check can offer its last good backup.
        setChooser('open');
        setPendingOpen(c.recent);
      }
      else if (c === 'new' || c === 'open') setChooser(c === 'new' ? 'create' : 'open');
      else if (c === 'backup') setNotice(t('backup.done', { file: (await host.call('book.backup', {})).file }));
      else if (c === 'restore' || c === 'about' || c === 'shortcuts' || c === 'signIn') setDialog(c);
      else if (c === 'signOut') await host.call('session.signOut', {}).then(() => loadState());
      else if (c === 'close') await host.call('app.closeBook', {}).then(() => loadState());
      else if (c === 'language') switchLanguage(i18n.language === 'zh' ? 'en' : 'zh');
    } catch (e) {
      setError(asServiceError(e));
    }
  }, [host, i18n, loadState, t]);

  useEffect(() => {
    const keys = (e: KeyboardEvent) => {
      if (e.ctrlKey && !e.shiftKey && (e.key === 'o' || e.key === 'n')) {
        e.preventDefault();
        void command(e.key === 'o' ? 'open' : 'new');
      } else if (e.altKey && /^[0-9]$/.test(e.key) && state?.book) {
        e.preventDefault();
        go({ area: AREAS[(Number(e.key) + 9) % 10]!, params: {} });
      }
    };
    window.addEventListener('keydown', keys);
    return () => window.removeEventListener('keydown', keys);
  }, [command, go, state]);

  // The keyboard stays in the window: when a screen changes (Alt+n, a link, a filter applied) and the control that had
  // the focus went with the old screen, the focus goes to the new screen, so the next Tab is its first control.
  const where = routeHash(route);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body) return;
      const main = document.querySelector<HTMLElement>('main');
      if (!main) return;
      if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
      main.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [where, state?.book?.path]);

  if (!state) return <div className="loading">{error ? <ErrorNotice error={error} /> : t('app.loading')}</div>;
  const chosen = (s: AppState) => {
    setChooser(null);
    setPendingOpen(null);
    setState(s);
    void loadState();
    go({ area: 'home', params: {} });
  };
  const monthList = periods.map((p) => p.period);
  // The month the screens open on: the latest anything was delivered in (later months may hold only payments).
  const workMonth = periods.filter((p) => p.deliveries > 0).at(-1)?.period ?? monthList.at(-1) ?? '';

  return (
    <div className="app">
      <MenuBar state={state} onCommand={command} />
      {notice && <p className="notice ok banner" role="status" data-testid="app-notice">{notice} <button type="button" className="link" onClick={() => setNotice('')}>{t('app.close')}</button></p>}
      <ErrorNotice error={error} onClose={() => setError(null)} />
      <WindowUserContext.Provider value={state.user?.username ?? ''}>
      {!chooser && <ProtectionBanner state={state} onSignIn={() => setDialog('signIn')} onAddUser={() => go({ area: 'audit', params: { tab: 'users' } })} />}
      {(!state.book && !hq?.open) || chooser ? (
        <>
          <BookChooser key={`${chooser ?? 'first'}|${pendingOpen ?? ''}`} state={state} onState={chosen} focus={chooser ?? undefined} openNow={pendingOpen ?? undefined} />
          {hq && <HqOpenPanel state={hq} onState={(s) => { setHq(s); setChooser(null); go({ area: 'hq', params: {} }); }} />}
        </>
      ) : !state.book ? (
        // A head office opened with no book: only 总部 is there to work in.
        <div className="body">
          <Sidebar current="hq" areas={['hq']} onGo={() => undefined} />
          {hq && <HqScreen state={hq} onState={setHq} params={route.params} />}
        </div>
      ) : (
        <div className="body">
          <Sidebar current={route.area} onGo={(a) => go({ area: a, params: {} })} />
          {route.area === 'home' && <HomeScreen key={`${state.book.path}|${route.params.period ?? ''}`} periods={periods} workMonth={workMonth} params={route.params} go={go} />}
          {route.area === 'import' && <ImportWizard go={(r) => { void loadState(); go(r); }} />}
          {route.area === 'reconcile' && <ReconcileWorkbench key={routeHash(route)} periods={monthList} workMonth={workMonth} params={route.params} go={go} />}
          {route.area === 'master' && <MasterDataScreen />}
          {route.area === 'fees' && <FeesScreen key={routeHash(route)} periods={monthList} workMonth={workMonth} params={route.params} />}
          {route.area === 'terms' && <TermsScreen periods={monthList} workMonth={workMonth} />}
          {route.area === 'credit' && <CreditScreen params={route.params} />}
          {route.area === 'settlement' && <SettlementScreen key={routeHash(route)} periods={monthList} workMonth={workMonth} params={route.params} user={state.user} go={go} />}
          {route.area === 'hq' && hq && <HqScreen state={hq} onState={setHq} params={route.params} />}
          {route.area === 'audit' && <AuditScreen key={routeHash(route)} params={route.params} periods={monthList} workMonth={workMonth} signedIn={!!state.user} onChanged={() => void loadState()} onRestore={() => setDialog('restore')} />}
        </div>
      )}
      </WindowUserContext.Provider>
      {dialog === 'signIn' && !ask && <SignInDialog onClose={() => setDialog(null)} onSignedIn={() => { setDialog(null); void loadState(); }} />}
      {ask && <SignInDialog reason={t('security.signInFor', { what: t(`permissions.${ask.what}`, { defaultValue: ask.what }) })} onClose={() => answer(false)} onSignedIn={() => { setDialog(null); answer(true); }} />}
      {dialog === 'restore' && <RestoreDialog onClose={() => setDialog(null)} onRestored={(m) => { setDialog(null); setNotice(m); void loadState(); }} />}
      {(dialog === 'about' || dialog === 'shortcuts') && <Dialog title={t(dialog === 'about' ? 'menu.about' : 'menu.shortcuts')} onClose={() => setDialog(null)}><p>{t(`${dialog}.body`)}</p></Dialog>}
    </div>
  );
}
