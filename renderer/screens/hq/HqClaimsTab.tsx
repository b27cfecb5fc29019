import type { ColDef, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { languageOf, renderMessage } from '../../../locale/index.js';
import { gridTheme } from '../../app/grid-theme';
import { DateInput } from '../../components/DateInput';
import { type Row } from '../../components/DataGrid';
import { hqFigure, hqMoney } from './hq-columns';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatFen } from '../../format/amount';
import { todayIso } from '../../format/dates';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';

const VIEWS = { queue: ['pending', 'proposed'], approved: ['approved'], rejected: ['rejected'], credited: ['credited'], all: undefined } as const;
type View = keyof typeof VIEWS;
type Step = ServiceResult<'hq.confirmClaims'>;

/**
 * 费用审批: the claims of every distributor in one queue. Tick claims and approve or reject them with one reason
 * (the maker); a second controller confirms (the checker). Confirmed approvals become one manufacturer-credits
 * file per distributor, which its book imports.
 */
export function HqClaimsTab() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>('queue');
  const states = VIEWS[view];
  const q = useQuery('hq.claims', { ...(states ? { states: [...states] } : {}), limit: 1000 });
  const { act, error, setError } = useAction();
  const [selected, setSelected] = useState<number[]>([]);
  const grid = useRef<AgGridReact<Row>>(null);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  const [said, setSaid] = useState<string[]>([]);
  const lang = languageOf(i18n.language);
  const show = (r: Step | null, done: string) => {
    if (!r) return;
    setSaid([...(r.done.length ? [`${done}: ${r.done.map((d) => d.docNo).join(', ')}`] : []), ...r.refused.map((x) => renderMessage(lang, x.reason as never))]);
    // What was acted on is no longer chosen: the grid's ticks and the list go together.
    grid.current?.api.deselectAll();
    setSelected([]);
    q.reload();
  };
  const columns: ColDef<Row>[] = [
    { field: 'book', headerName: t('hq.cols.book'), width: 76 },
    { field: 'distributor', headerName: t('hq.cols.distributor'), width: 76 },
    { field: 'distributor_name', headerName: t('hq.cols.name'), width: 140 },
    { field: 'doc_no', headerName: t('hq.cols.docNo'), width: 168 },
    { field: 'period', headerName: t('hq.cols.claimPeriod'), width: 78, filter: false },
    { field: 'ka', headerName: t('hq.cols.ka'), width: 62 },
    hqMoney('amount_fen', t('hq.cols.amount'), { width: 104 }),
    hqMoney('open_fen', t('hq.cols.open'), { width: 104 }),
    { field: 'state', headerName: t('hq.cols.state'), width: 84, filter: false, valueFormatter: (p) => t(`hqClaimStates.${p.value as string}`) },
    { field: 'proposal', headerName: t('hq.cols.proposal'), width: 80, filter: false, valueFormatter: (p) => (p.value ? t(`hqProposals.${p.value as string}`) : '') },
    { field: 'book_status', headerName: t('hq.cols.bookStatus'), width: 80, filter: false, valueFormatter: (p) => t(`claimStatus.${p.value as string}`) },
    { field: 'reason', headerName: t('hq.cols.reason'), width: 140 },
    hqFigure('lines', t('hq.cols.lines'), 70),
    { field: 'proposed_by', headerName: t('hq.cols.proposedBy'), width: 90 },
    { field: 'decided_by', headerName: t('hq.cols.decidedBy'), width: 90 },
    { field: 'credit_no', headerName: t('hq.cols.creditNo'), width: 170 },
  ];
  return (
    <section>
      <div className="row">
        <label className="inline">{t('hq.states')}
          <select value={view} onChange={(e) => { setView(e.target.value as View); grid.current?.api.deselectAll(); setSelected([]); }} data-testid="hq-claims-view">
            {(Object.keys(VIEWS) as View[]).map((v) => <option key={v} value={v}>{v === 'queue' ? `${t('hqClaimStates.pending')} / ${t('hqClaimStates.proposed')}` : v === 'all' ? '—' : t(`hqClaimStates.${v}`)}</option>)}
          </select>
        </label>
        <span data-testid="hq-claims-total">{q.data ? t('hq.claimsTotal', { count: q.data.total ?? 0, amount: formatFen(q.data.openFen, { symbol: true }) }) : ''}</span>
        <span className="fill" />
        <span>{t('hq.selected', { count: selected.length })}</span>
      </div>
      <ErrorNotice error={q.error ?? error} onClose={() => setError(null)} />
      <div className="grid" data-testid="hq-claims-grid" style={{ height: 380 }}>
        <AgGridReact<Row> ref={grid} theme={gridTheme} rowData={q.data?.rows ?? []} columnDefs={columns} getRowId={(p) => String(p.data.id)}
          defaultColDef={{ resizable: true, sortable: true, filter: true, minWidth: 60 }} suppressColumnVirtualisation animateRows={false}
          rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: true }}
          onSelectionChanged={(e: SelectionChangedEvent<Row>) => setSelected(e.api.getSelectedRows().map((r) => Number(r.id)))} />
      </div>
      <div className="row actions">
        <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('hq.cols.reason')} aria-label={t('hq.cols.reason')} data-testid="hq-claims-reason" />
        <button type="button" className="primary" disabled={!selected.length} data-testid="hq-claims-approve"
          onClick={async () => show(await act('hq.proposeClaims', { ids: selected, proposal: 'approve', ...(reason.trim() ? { reason } : {}) }), t('hq.approve'))}>{t('hq.approve')}</button>
        <button type="button" disabled={!selected.length || !reason.trim()} data-testid="hq-claims-reject"
          onClick={async () => show(await act('hq.proposeClaims', { ids: selected, proposal: 'reject', reason }), t('hq.reject'))}>{t('hq.reject')}</button>
        <button type="button" disabled={!selected.length} data-testid="hq-claims-confirm"
          onClick={async () => show(await act('hq.confirmClaims', { ids: selected }), t('hq.confirm'))}>{t('hq.confirm')}</button>
        <button type="button" disabled={!selected.length || !reason.trim()} data-testid="hq-claims-send-back"
          onClick={async () => show(await act('hq.sendBackClaims', { ids: selected, reason }), t('hq.sendBack'))}>{t('hq.sendBack')}</button>
        <span className="fill" />
        <DateInput label={t('hq.creditsDate')} value={date} onChange={setDate} testId="hq-credits-date" />
        <button type="button" data-testid="hq-write-credits" onClick={async () => {
          const r = await act('hq.writeCredits', { date, method: 'cash' });
          if (r) { setSaid(r.files.length ? [t('hq.creditsWritten', { count: r.files.length, folder: r.folder }), ...r.files.map((f) => `${f.path} — ${f.claims} × ${formatFen(f.amountFen, { symbol: true })}`)] : [t('hq.noCredits')]); q.reload(); }
        }}>{t('hq.writeCredits')}</button>
      </div>
      {said.length > 0 && <div role="status" data-testid="hq-claims-said">{said.map((s, i) => <p key={i} className="notice ok">{s}</p>)}</div>}
    </section>
  );
}
