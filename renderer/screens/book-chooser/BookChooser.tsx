import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressPanel } from '../../components/ProgressPanel';
import { DamagedBookOffer } from '../../app/DamagedBookOffer';
import { useHost } from '../../host/host-context';
import { useLongCall } from '../../host/use-long-call';

type AppState = ServiceResult<'app.state'>;

/**
 * The first screen when no book is open: the demo book one click away, a new book, an existing book, and the
 * recently opened ones.
 */
export function BookChooser({ state, onState, focus, openNow }: { state: AppState; onState: (s: AppState) => void; focus?: 'create' | 'open'; openNow?: string }) {
  const { t } = useTranslation();
  const host = useHost();
  const { run, busy, progress, error, setError } = useLongCall();
  const [createPath, setCreatePath] = useState(`${state.home}${state.home.includes('\\') ? '\\' : '/'}${t('chooser.defaultName')}`);
  const [openPath, setOpenPath] = useState(openNow ?? '');
  const [label, setLabel] = useState('');
  const [tried, setTried] = useState('');

  const act = async (what: string, work: () => Promise<AppState | null>) => {
    setLabel(what);
    const s = await work();
    if (s) onState(s);
  };
  useEffect(() => {
    if (!openNow) return;
    setTried(openNow);
    void act(t('app.busy'), () => run('app.openBook', { path: openNow }));
  }, [openNow]);
  const demo = () => act(t('chooser.demoCreating'), async () => {
    const exists = state.recent.some((r) => r.path === state.demoPath && r.exists);
    return exists ? run('app.openBook', { path: state.demoPath }).then((s) => s ?? run('app.createBook', { path: state.demoPath, demo: true }))
      : run('app.createBook', { path: state.demoPath, demo: true });
  });
  const browse = async (mode: 'open' | 'create') => {
    const picked = await host.chooseBookPath?.(mode, mode === 'create' ? createPath : openPath || state.home);
    if (picked) (mode === 'create' ? setCreatePath : setOpenPath)(picked);
  };

  return (
    <main className="chooser" aria-labelledby="chooser-title">
      <h1 id="chooser-title">{t('chooser.title')}</h1>
      <p className="muted">{t('chooser.intro', { home: state.home })}</p>
      <ErrorNotice error={error} onClose={() => setError(null)} />
      {(error?.code === 'book-damaged' || error?.code === 'book-not-a-book') && tried && <DamagedBookOffer path={tried} onRestored={onState} />}
      {busy && <ProgressPanel label={label} progress={progress} />}
      <div className="chooser-cards">
        <section className="card">
          <h2>{t('chooser.demo')}</h2>
          <p className="muted">{t('chooser.demoHint')}</p>
          <button type="button" className="primary" data-testid="open-demo" disabled={busy} onClick={demo} autoFocus>{t('chooser.demo')}</button>
        </section>
        <section className="card">
          <h2>{t('chooser.create')}</h2>
          <label>{t('chooser.createHint')}
            <input value={createPath} onChange={(e) => setCreatePath(e.target.value)} data-testid="create-path" autoFocus={focus === 'create'} />
          </label>
          <div className="row">
            {host.chooseBookPath && <button type="button" onClick={() => browse('create')}>{t('chooser.browse')}</button>}
            <button type="button" disabled={busy || !createPath.trim()} data-testid="create-book"
              onClick={() => act(t('app.busy'), () => run('app.createBook', { path: createPath.trim(), demo: false }))}>{t('chooser.create')}</button>
          </div>
        </section>
        <section className="card">
          <h2>{t('chooser.open')}</h2>
          <label>{t('chooser.openHint')}
            <input value={openPath} onChange={(e) => setOpenPath(e.target.value)} data-testid="open-path" autoFocus={focus === 'open'} />
          </label>
          <div className="row">
            {host.chooseBookPath && <button type="button" onClick={() => browse('open')}>{t('chooser.browse')}</button>}
            <button type="button" disabled={busy || !openPath.trim()} data-testid="open-book"
              onClick={() => { setTried(openPath.trim()); void act(t('app.busy'), () => run('app.openBook', { path: openPath.trim() })); }}>{t('chooser.open')}</button>
          </div>
        </section>
      </div>
      <section>
        <h2>{t('chooser.recent')}</h2>
        {state.recent.length === 0 ? <p className="muted">{t('chooser.noRecent')}</p> : (
          <ul className="recent">
            {state.recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="link" disabled={!r.exists || busy} onClick={() => { setTried(r.path); void act(t('app.busy'), () => run('app.openBook', { path: r.path })); }}>{r.path}</button>
                {!r.exists && <span className="muted"> {t('chooser.missing')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
