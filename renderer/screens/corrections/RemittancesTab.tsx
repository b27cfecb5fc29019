import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Money } from '../../components/Money';
import { formatFen } from '../../format/amount';
import { useQuery } from '../../host/use-query';
import { SidePanel } from '../../components/SidePanel';
import { ReallocateDialog } from './ReallocateDialog';
import { ReversalChain } from './ReversalChain';
import { ReverseButton, ReversalNotice } from './ReverseButton';

/** 回款: the month's remittances with what each applied; 冲销 one, or 重新核销 it to other open items. */
export function RemittancesTab({ period }: { period: string }) {
  const { t } = useTranslation();
  const list = useQuery('corrections.remittances', { period, limit: 1000 });
  const [open, setOpen] = useState<Row | null>(null);
  const [reallocating, setReallocating] = useState(false);
  const [reversal, setReversal] = useState<ServiceResult<'corrections.reverse'> | null>(null);
  const [reallocated, setReallocated] = useState<ServiceResult<'corrections.reallocate'> | null>(null);
  const rows = list.data?.rows ?? [];
  const current = open ? rows.find((r) => r.id === open.id) ?? open : null;
  const stateLabel = (s: unknown) => (s === 'reversal' ? t('corrections.reversalState') : s === 'reversed' ? t('corrections.reversedState') : t('corrections.inForce'));
  return (
    <section>
      <ErrorNotice error={list.error} />
      <div className="split">
        <DataGrid testId="remittances-grid" rows={rows} rowId={(r) => String(r.id)} selectedId={current ? String(current.id) : null}
          onOpen={(r) => { setOpen(r); setReversal(null); setReallocated(null); }}
          columns={[
            { field: 'doc_no', headerName: t('fees.docNo'), width: 140 },
            { field: 'doc_date', headerName: t('fields.date'), width: 110 },
            { field: 'ka', headerName: 'KA', width: 70 },
            moneyCol('total_fen', t('fields.amount')),
            moneyCol('applied_fen', t('corrections.applied')),
            moneyCol('unapplied_fen', t('corrections.unapplied')),
            { field: 'state', headerName: t('corrections.state'), width: 90, valueFormatter: (p) => stateLabel(p.value) },
            { field: 'references', headerName: t('corrections.references'), flex: 1, minWidth: 180 },
          ]} />
        {current && (
          <SidePanel title={`${String(current.doc_no)} · ${String(current.doc_date)}`} onClose={() => setOpen(null)} testId="remittance-detail" className="detail">
            <dl className="facts">
              <dt>{t('fields.amount')}</dt><dd><Money fen={Number(current.total_fen)} /></dd>
              <dt>{t('corrections.applied')}</dt><dd><Money fen={Number(current.applied_fen)} /></dd>
              <dt>{t('corrections.unapplied')}</dt><dd data-testid="remittance-unapplied"><Money fen={Number(current.unapplied_fen)} /></dd>
              <dt>{t('corrections.state')}</dt><dd>{stateLabel(current.state)}</dd>
            </dl>
            {reversal && <ReversalNotice r={reversal} />}
            {reallocated && (
              <p className="notice ok" role="status" data-testid="reallocated">
                {t('corrections.reallocated', { doc: reallocated.docNo, applied: formatFen(reallocated.applied), unapplied: formatFen(reallocated.unapplied) })}
              </p>
            )}
            {current.state === 'in_force' && (
              <div className="row">
                <button type="button" className="primary" data-testid="reallocate-open" onClick={() => setReallocating(true)}>{t('corrections.reallocate')}</button>
                <ReverseButton documentId={Number(current.id)} label={`${t('docKinds.remittance')} ${String(current.doc_no)}`} onDone={(r) => { setReversal(r); list.reload(); }} />
              </div>
            )}
            {reallocating && (
              <ReallocateDialog remittanceId={Number(current.id)} docNo={String(current.doc_no)} onClose={() => setReallocating(false)}
                onDone={(r) => { setReallocating(false); setReallocated(r); list.reload(); }} />
            )}
          </SidePanel>
        )}
      </div>
      {current && <ReversalChain key={`${String(current.id)}-${String(current.state)}`} documentId={Number(current.id)} />}
    </section>
  );
}
