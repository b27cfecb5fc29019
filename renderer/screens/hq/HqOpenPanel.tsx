import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../host/use-action';

export type HqState = ServiceResult<'hq.state'>;

/** Opens (or makes) the head office: a PostgreSQL server's URL, or the folder of an embedded database. */
export function HqOpenPanel({ state, onState }: { state: HqState; onState: (s: HqState) => void }) {
  const { t } = useTranslation();
  const { act, error, setError } = useAction();
  const [db, setDb] = useState('');
  const go = async (create: boolean) => {
    const s = await act('hq.open', { db, create });
    if (s) onState(s);
  };
  return (
    <section className="panel hq-open" aria-labelledby="hq-open-title" data-testid="hq-open">
      <h2 id="hq-open-title">{t('hq.openTitle')}</h2>
      <p className="hint">{t('hq.openHint', { folder: state.defaultFolder })}</p>
      <div className="row">
        <input className="wide" value={db} onChange={(e) => setDb(e.target.value)} placeholder={t('hq.dbPlaceholder')} aria-label={t('hq.dbPlaceholder')} data-testid="hq-db" />
        <button type="button" className="primary" onClick={() => void go(false)} data-testid="hq-open-button">{t('hq.open')}</button>
        <button type="button" onClick={() => void go(true)} data-testid="hq-create-button">{t('hq.create')}</button>
      </div>
      <ErrorNotice error={error} onClose={() => setError(null)} />
    </section>
  );
}
