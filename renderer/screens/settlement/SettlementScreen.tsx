import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceName, ServiceResult } from '../../../contract/service-contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressPanel } from '../../components/ProgressPanel';
import { useLongCall } from '../../host/use-long-call';
import { useQuery } from '../../host/use-query';
import { StatementPreview } from './StatementPreview';
import { useWords } from '../../i18n/words';
import { PERIOD_STATUSES } from '../../../vocabulary/index.js';
import { Money } from '../../components/Money';
import type { Route } from '../../app/areas';

const STEPS = PERIOD_STATUSES;

/** Where an exception that blocks the close is worked: its line in the workbench, the deduction, the KA statement's document. */
function routeOf(e: { kind: string; lineId: number | null; docNo: string }, period: string): Route {
  if (e.kind === 'delivery') return { area: 'reconcile', params: { from: period, to: period, line: String(e.lineId) } };
  if (e.kind === 'receipt') return { area: 'reconcile', params: { from: period, to: period, view: 'unexpected', line: String(e.lineId) } };
  if (e.kind === 'deduction') return { area: 'fees', params: { period, disputed: '1' } };
  return { area: 'audit', params: { tab: 'documents', key: e.docNo } };
}

/**
 * 结算: the month's close — prepare (accountant), review (credit controller), approve (manager; the book is
 * backed up, then the month is locked), reopen (admin, with a reason) — with what blocks it, and its statements.
 */
export function SettlementScreen({ periods, workMonth, params, user, go }: {
  periods: string[]; workMonth: string; params: Record<string, string>; go: (r: Route) => void; user: ServiceResult<'app.state'>['user'];
}) {
  const { t } = useTranslation();
  const { say, label } = useWords();
  const [period, setPeriod] = useState(params.period ?? workMonth);
  const status = useQuery('close.status', period ? { period } : null);
  const long = useLongCall();
  const [reason, setReason] = useState('');
  const [distributor, setDistributor] = useState<string | null>(null);
  const [done, setDone] = useState('');

  const act = async (method: ServiceName, args: Record<string, unknown>, what: string) => {
    setDone('');
    const r = await long.run(method as 'close.review', args as never);
    if (r) setDone(what);
    status.reload();
  };
  const s = status.data;
  const chosen = distributor ?? s?.distributors[0] ?? null;
  // A step's button is disabled while it runs and after it is done, which drops the keyboard's focus: it goes on to
  // the workflow's next step that can be taken (全部接受 → 准备, 准备 → 审核).
  const actions = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    // (a button that has just been disabled still holds the focus until the browser drops it)
    const lost = !active || active === document.body || (active instanceof HTMLButtonElement && active.disabled && !!actions.current?.contains(active));
    if (long.busy || !lost) return;
    actions.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [s, long.busy]);

  return (
    <main className="screen" aria-labelledby="settlement-title">
      <div className="screen-head">
        <h1 id="settlement-title">{t('settlement.title')}</h1>
        <label className="inline">{t('home.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="settlement-period">{periods.map((p) => <option key={p}>{p}</option>)}</select>
        </label>
      </div>
      {!user && <p className="notice warn">{t('settlement.signInFirst')}</p>}
      <ErrorNotice error={long.error ?? status.error} onClose={() => { long.setError(null); status.setError(null); }} />
      {long.busy && <ProgressPanel label={t('app.busy')} progress={long.progress} />}
      {done && <p className="notice ok" role="status" data-testid="settlement-done">{done}</p>}
      {s && (
        <>
          <ol className="workflow" aria-label={t('settlement.workflow')} data-testid="period-status" data-status={s.status}>
            {STEPS.map((step) => <li key={step} className={step === s.status ? 'current' : STEPS.indexOf(step) < STEPS.indexOf(s.status as never) ? 'past' : ''}>{t(`periodStatus.${step}`)}</li>)}
          </ol>
          <div className="figures" data-testid="settlement-figures">
            <span>{t('home.balance')} <strong><Money fen={s.figures.balance} /></strong></span>
            <span>{t('home.overdue')} <strong><Money fen={s.figures.overdue} /></strong></span>
            <span>{t('home.unapplied')} <strong><Money fen={-s.figures.unapplied} /></strong></span>
            <span>{t('home.unmatched')} <strong>{s.figures.unmatchedDeliveryLines.toLocaleString()}</strong></span>
            <span>{t('home.unexpected')} <strong>{s.figures.unexpectedReceiptLines.toLocaleString()}</strong></span>
          </div>
          <div className="row actions" ref={actions}>
            <button type="button" className="primary" data-testid="close-prepare" disabled={s.status !== 'open' || long.busy} onClick={() => act('close.prepare', { period }, t('settlement.prepared'))}>{t('settlement.prepare')}</button>
            <button type="button" data-testid="close-review" disabled={s.status !== 'prepared' || long.busy} onClick={() => act('close.review', { period }, t('settlement.reviewed'))}>{t('settlement.review')}</button>
            <button type="button" data-testid="close-approve" disabled={s.status !== 'reviewed' || long.busy} onClick={() => act('close.approve', { period }, t('settlement.approved'))}>{t('settlement.approve')}</button>
            <span className="fill" />
            <input aria-label={t('settlement.reason')} placeholder={t('settlement.reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="close-reason" />
            <button type="button" data-testid="close-accept" disabled={s.status !== 'open' || s.exceptions.length === 0 || !reason.trim()} onClick={() => act('close.accept', { period, keys: 'all', reason }, t('settlement.acceptedAll'))}>{t('settlement.acceptAll')}</button>
            <button type="button" data-testid="close-package" disabled={s.status !== 'closed' || long.busy} onClick={async () => {
              setDone('');
              const r = await long.run('package.write', { period });
              if (r) setDone(t('settlement.packaged', { edition: r.edition, statements: r.statements, file: r.file, keyFile: r.keyFile }));
            }}>{t('settlement.package')}</button>
            <button type="button" className="danger" data-testid="close-reopen" disabled={s.status === 'open' || !reason.trim()} onClick={() => act('close.reopen', { period, reason }, t('settlement.reopened'))}>{t('settlement.reopen')}</button>
            {go && <button type="button" className="link" data-testid="settlement-vouchers" onClick={() => go({ area: 'audit', params: { tab: 'vouchers', period } })}>{t('vouchers.tab')} →</button>}
          </div>
          {s.exceptions.length > 0 && (
            <details className="notice warn" open data-testid="close-exceptions">
              <summary>{t('settlement.exceptions', { count: s.exceptions.length })}</summary>
              <ul data-testid="exception-list">{s.exceptions.slice(0, 200).map((e) => (
                <li key={e.key}>
                  <span className="exception-kind">{label('closeExceptionKinds', e.kind)}</span> {say(e.what)}{' '}
                  <button type="button" className="link" data-testid={`work-${e.key}`} onClick={() => go(routeOf(e, period))}>{t('settlement.workIt')}</button>
                </li>
              ))}</ul>
            </details>
          )}
          {s.distributors.length > 0 && (
            <div className="row">
              <span>{t('settlement.distributor')}</span>
              {s.distributors.map((d) => (
                <button key={d} type="button" className={d === chosen ? 'current chip' : 'chip'} aria-pressed={d === chosen} data-testid={`statement-${d}`} onClick={() => setDistributor(d)}>{d}</button>
              ))}
            </div>
          )}
          {chosen && <StatementPreview key={`${period}|${chosen}|${s.status}`} period={period} distributor={chosen} />}
        </>
      )}
    </main>
  );
}
