import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import type { Route } from '../../app/areas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Money } from '../../components/Money';
import { formatTimestamp, monthEnd, todayIso } from '../../format/dates';
import { useQuery } from '../../host/use-query';
import type { ServiceError } from '../../../contract/service-contract';

type Status = ServiceResult<'home.status'>;

/** The month at a glance; every figure links to the list behind it. */
export function HomeScreen({ periods, workMonth, params, go }: { periods: { period: string; status: string; deliveries: number }[]; workMonth: string; params: Record<string, string>; go: (r: Route) => void }) {
  const { t } = useTranslation();
  const period = params.period ?? (workMonth || undefined);

  const end = period ? monthEnd(period) : '';
  const asOf = end < todayIso() ? end : todayIso();
  const query = useQuery('home.status', period ? { period, asOf } : null);
  const status: Status | null = query.data;
  const error: ServiceError | null = query.error;
  const setError = query.setError;

  if (!period) return <main className="screen"><h1>{t('home.title')}</h1><p>{t('home.noPeriods')}</p></main>;
  const link = (label: string, value: React.ReactNode, route: Route, testId: string) => (
    <a className="tile" href={`#/${route.area}`} data-testid={testId} onClick={(e) => { e.preventDefault(); go(route); }}>
      <span className="tile-label">{label}</span>
      <span className="tile-value">{value}</span>
    </a>
  );
  const month = { from: period, to: period };
  return (
    <main className="screen" aria-labelledby="home-title">
      <div className="screen-head">
        <h1 id="home-title">{t('home.title')}</h1>
        <label className="inline">{t('home.period')}
          <select value={period} data-testid="home-period" onChange={(e) => go({ area: 'home', params: { period: e.target.value } })}>
            {periods.map((p) => <option key={p.period} value={p.period}>{p.period}</option>)}
          </select>
        </label>
      </div>
      <ErrorNotice error={error} onClose={() => setError(null)} />
      {status && (
        <div className="tiles">
          {link(t('home.periodStatus'), t(`periodStatus.${status.periodStatus}`), { area: 'settlement', params: { period } }, 'tile-period')}
          {link(t('home.balance'), <Money fen={status.receivables.balance} />, { area: 'credit', params: { asOf: status.asOf } }, 'tile-balance')}
          {link(t('home.open'), <Money fen={status.receivables.open} />, { area: 'credit', params: { asOf: status.asOf } }, 'tile-open')}
          {link(t('home.overdue'), <Money fen={status.receivables.overdue} />, { area: 'credit', params: { asOf: status.asOf, tab: 'dunning' } }, 'tile-overdue')}
          {link(t('home.unapplied'), <Money fen={-status.receivables.unapplied} />, { area: 'credit', params: { asOf: status.asOf } }, 'tile-unapplied')}
          {link(t('home.unmatched'), status.reconciledAt ? status.unmatchedDeliveryLines.toLocaleString() : t('home.notReconciled'), { area: 'reconcile', params: { ...month, status: 'unmatched' } }, 'tile-unmatched')}
          {link(t('home.unexpected'), status.reconciledAt ? status.unexpectedReceiptLines.toLocaleString() : t('home.notReconciled'), { area: 'reconcile', params: { ...month, view: 'unexpected' } }, 'tile-unexpected')}
          {link(t('home.awaiting'), status.reconciledAt ? status.deductionsAwaitingClassification.toLocaleString() : t('home.notReconciled'), { area: 'fees', params: { period } }, 'tile-awaiting')}
          {status.claims.map((c) => link(`${t('home.claims')} · ${t(`claimStatus.${c.status}`)}`, <><span>{c.claims}</span> <Money fen={c.amount_fen} /></>, { area: 'fees', params: { claims: c.status } }, `tile-claims-${c.status}`))}
        </div>
      )}
      {status && <p className="muted" data-testid="reconciled-at">{status.reconciledAt ? t('home.reconciledAt', { at: formatTimestamp(status.reconciledAt) }) : t('home.neverReconciled')}</p>}
      <p><button type="button" className="primary" onClick={() => go({ area: 'reconcile', params: { ...month, run: '1' } })}>{t('home.reconcileNow')}</button></p>
    </main>
  );
}
