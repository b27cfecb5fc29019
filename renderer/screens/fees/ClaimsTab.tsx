import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SidePanel } from '../../components/SidePanel';
import type { ServiceError } from '../../../contract/service-contract';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { DateInput } from '../../components/DateInput';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { Money } from '../../components/Money';
import { todayIso } from '../../format/dates';
import { useHost } from '../../host/host-context';
import { useQuery } from '../../host/use-query';
import { ClaimCorrection } from '../corrections/ClaimCorrection';
import { FilePick } from '../../components/FilePick';
import { CLAIM_STATUSES } from '../../../vocabulary/index.js';

const STATUSES = CLAIM_STATUSES;
type Status = (typeof STATUSES)[number];
const NEXT: Record<Status, Status[]> = { draft: ['submitted', 'rejected'], submitted: ['approved', 'rejected'], approved: ['written_off', 'rejected'], written_off: [], rejected: [] };

interface Evidence { period?: string; ka?: string; statements?: string[]; deductions?: { deduction: string; store: string; wording: string; feeType: string; amountFen: number; claimFen: number }[] }

/** One claim: its evidence (the deductions behind it, the KA statements, attached files) and its next steps. */
function ClaimDetail({ id, onChanged, onClose }: { id: number; onChanged: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const host = useHost();
  const detail = useQuery('claims.get', { id });
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ServiceError | null>(null);
  useEffect(() => setError(null), [id]);
  const claim = detail.data?.claim as (Row & { evidence: Evidence; attachments: { name: string; bytes: number }[] }) | undefined;

  const move = async (to: Status) => {
    try {
      await host.call('claims.move', { id, to, date, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setError(null);
      detail.reload();
      onChanged();
    } catch (e) {
      setError(asServiceError(e));
    }
  };
  const attach = async (file: File) => {
    try {
      await host.call('claims.attach', { id, path: await host.stageFile(file) });
      detail.reload();
    } catch (e) {
      setError(asServiceError(e));
    }
  };
  if (!claim) return <ErrorNotice error={detail.error} />;
  const status = claim.status as Status;
  return (
    <SidePanel title={String(claim.doc_no)} onClose={onClose} testId="claim-detail" className="detail" autoFocus={false}>
      <p><span data-testid="claim-status">{t(`claimStatus.${status}`)}</span></p>
      <dl className="facts">
        <dt>KA</dt><dd>{String(claim.ka)}</dd>
        <dt>{t('fees.distributor')}</dt><dd>{String(claim.distributor ?? '')}</dd>
        <dt>{t('fields.amount')}</dt><dd><Money fen={Number(claim.amount_fen)} /></dd>
        <dt>{t('fees.open')}</dt><dd><Money fen={Number(claim.open_fen)} /></dd>
      </dl>
      <h4>{t('fees.evidence')}</h4>
      <table className="table compact">
        <thead><tr><th>{t('fees.docNo')}</th><th>{t('reconcile.cols.store')}</th><th>{t('fees.wording')}</th><th>{t('fields.amount')}</th><th>{t('fees.claimed')}</th></tr></thead>
        <tbody>{(claim.evidence.deductions ?? []).map((d, i) => <tr key={i}><td>{d.deduction}</td><td>{d.store}</td><td>{d.wording}</td><td className="num"><Money fen={d.amountFen} /></td><td className="num"><Money fen={d.claimFen} /></td></tr>)}</tbody>
      </table>
      {claim.evidence.statements && claim.evidence.statements.length > 0 && <p className="muted small">{t('fees.kaStatements')}: {claim.evidence.statements.join(', ')}</p>}
      <h4>{t('fees.attachments')}</h4>
      <ul data-testid="claim-attachments">{claim.attachments.map((a) => <li key={a.name}>{a.name} <span className="muted">({Math.ceil(a.bytes / 1024)} KB)</span></li>)}</ul>
      <FilePick label={t('fees.attach')} testId="claim-attach" onFile={(f) => void attach(f)} />
      <ClaimCorrection claim={claim} onChanged={() => { detail.reload(); onChanged(); }} />
      {NEXT[status].length > 0 && claim.reversed_by == null && (
        <div className="decide">
          <div className="row">
            <DateInput label={t('fields.date')} value={date} onChange={setDate} />
            <label>{t('settlement.reason')}<input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="claim-reason" /></label>
          </div>
          <div className="row">
            {NEXT[status].map((to) => (
              <button key={to} type="button" className={to === 'rejected' ? 'danger' : 'primary'} data-testid={`claim-to-${to}`} onClick={() => move(to)}>{t(`claimMove.${to}`)}</button>
            ))}
          </div>
        </div>
      )}
      <ErrorNotice error={error} onClose={() => setError(null)} />
    </SidePanel>
  );
}

/** 费用申请: the claims to the manufacturer by status, each moved on with its evidence. */
export function ClaimsTab({ initialStatus }: { initialStatus?: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | ''>((STATUSES as readonly string[]).includes(initialStatus ?? '') ? (initialStatus as Status) : '');
  const list = useQuery('claims.list', { ...(status ? { status } : {}), limit: 1000 });
  const [open, setOpen] = useState<number | null>(null);
  const counts = new Map((list.data?.counts ?? []).map((c) => [c.status, c]));
  return (
    <section>
      <div className="row" role="group" aria-label={t('fees.byStatus')}>
        <button type="button" className={status === '' ? 'chip current' : 'chip'} aria-pressed={status === ''} onClick={() => setStatus('')}>{t('reconcile.allStatus')}</button>
        {STATUSES.map((s) => (
          <button key={s} type="button" className={status === s ? 'chip current' : 'chip'} aria-pressed={status === s} data-testid={`claims-${s}`} onClick={() => setStatus(s)}>
            {t(`claimStatus.${s}`)} {counts.get(s)?.claims ?? 0}
          </button>
        ))}
      </div>
      <ErrorNotice error={list.error} onClose={() => list.setError(null)} />
      <div className="split">
        <DataGrid testId="claims-grid" rows={(list.data?.claims ?? []) as Row[]} rowId={(r) => String(r.id)} selectedId={open === null ? null : String(open)} onOpen={(r) => setOpen(Number(r.id))}
          columns={[
            { field: 'doc_no', headerName: t('fees.claimNo'), width: 170 },
            { field: 'doc_date', headerName: t('fields.date'), width: 110 },
            { field: 'period', headerName: t('home.period'), width: 90 },
            { field: 'ka', headerName: 'KA', width: 70 },
            { field: 'distributor', headerName: t('fees.distributor'), width: 90 },
            { field: 'status', headerName: t('reconcile.status'), width: 100, valueFormatter: (p) => t(`claimStatus.${p.value as string}`) },
            moneyCol('amount_fen', t('fields.amount')),
            moneyCol('open_fen', t('fees.open')),
            { field: 'lines', headerName: t('import.lineCount'), width: 80 },
            { field: 'changed_by', headerName: t('fees.changedBy'), width: 100 },
          ]} />
        {open !== null && <ClaimDetail key={open} id={open} onChanged={list.reload} onClose={() => setOpen(null)} />}
      </div>
    </section>
  );
}
