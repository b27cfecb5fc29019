import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { ReversalChain } from '../corrections/ReversalChain';
import { ReverseButton, ReversalNotice } from '../corrections/ReverseButton';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Money } from '../../components/Money';
import { formatPrice, formatQty } from '../../format/amount';
import { useQuery } from '../../host/use-query';
import { useWords } from '../../i18n/words';
import { DOCUMENT_KINDS } from '../../../vocabulary/index.js';

const KINDS = DOCUMENT_KINDS;

interface Doc extends Row { lines: Row[]; entries: Row[]; chain: unknown[] }

/** 有效 / 已冲销 / 红字: where a document stands in its correction chain. */
function stateOf(t: TFunction, row: Row | undefined): string {
  if (!row) return '';
  if (row.reverses_id !== null && row.reverses_id !== undefined) return t('corrections.reversalState');
  const chain = row.chain as { id: number; inForce: boolean }[] | undefined;
  const reversed = row.reversed_by != null || (chain?.some((c) => c.id === row.id && !c.inForce) ?? false);
  return reversed ? t('corrections.reversedState') : t('corrections.inForce');
}

/** 单据: every document in the book by kind, month and KA, and one with its lines and the entries it posted. */
export function DocumentsTab({ periods, workMonth }: { periods: string[]; workMonth: string }) {
  const { t } = useTranslation();
  const { label, stored } = useWords();
  const [kind, setKind] = useState('receipt');
  // the month being worked, as everywhere else: the book's last month may hold only next month's invoices
  const [period, setPeriod] = useState(periods.includes(workMonth) ? workMonth : (periods.at(-1) ?? ''));
  const [docNo, setDocNo] = useState('');
  const list = useQuery('book.documents', { kind, ...(period ? { period } : {}), ...(docNo.trim() ? { docNo: docNo.trim() } : {}), limit: 1000 });
  const [key, setKey] = useState<string | null>(null);
  const [id, setId] = useState<number | null>(null);
  const doc = useQuery('book.document', key ? { key } : null);
  const d = ((doc.data?.documents as Doc[] | undefined)?.find((x) => x.id === id) ?? doc.data?.documents[0] ?? null) as Doc | null;
  const [reversal, setReversal] = useState<ServiceResult<'corrections.reverse'> | null>(null);
  const [changes, setChanges] = useState(0);
  return (
    <section>
      <div className="filter-bar">
        <label>{t('terms.kind')}<select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="documents-kind">{KINDS.map((k) => <option key={k} value={k}>{t(`docKinds.${k}`)}</option>)}</select></label>
        <label>{t('home.period')}<select value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="documents-period">{periods.map((p) => <option key={p}>{p}</option>)}</select></label>
        <label>{t('fees.docNo')}<input value={docNo} onChange={(e) => setDocNo(e.target.value)} data-testid="documents-docno" /></label>
      </div>
      <ErrorNotice error={list.error ?? doc.error} />
      <div className="split">
        <DataGrid testId="documents-grid" gridId="documents" height={420} rows={list.data?.rows ?? []} rowId={(r) => String(r.id)} selectedId={id === null ? null : String(id)}
          onOpen={(r) => { setKey(String(r.natural_key)); setId(Number(r.id)); setReversal(null); }} columns={[
          { field: 'doc_no', headerName: t('fees.docNo'), width: 160, pinned: 'left' }, { field: 'doc_date', headerName: t('fields.date'), width: 110 },
          { field: 'ka', headerName: 'KA', width: 70 }, { field: 'store', headerName: t('reconcile.cols.store'), width: 80 },
          { field: 'distributor', headerName: t('fees.distributor'), width: 90 }, { field: 'order_no', headerName: t('reconcile.cols.po'), width: 130 },
          moneyCol('total_fen', t('fields.amount')), { field: 'lines', headerName: t('import.lineCount'), width: 70 },
          { colId: 'state', headerName: t('corrections.state'), width: 90, valueGetter: (p) => stateOf(t, p.data) },
        ]} />
        {d && (
          <aside className="detail wide" data-testid="document-detail">
            <h3>{t(`docKinds.${String(d.kind)}`)} {String(d.doc_no)} · {String(d.doc_date)}</h3>
            <p><Money fen={Number(d.total_fen)} /> · {stateOf(t, d)}</p>
            {d.memo ? <p className="muted">{stored(d.memo)}</p> : null}
            {reversal && <ReversalNotice r={reversal} />}
            <ReverseButton documentId={Number(d.id)} label={`${t(`docKinds.${String(d.kind)}`)} ${String(d.doc_no)}`}
              inForce={d.reverses_id === null && !(d.chain as { id: number; inForce: boolean }[]).some((c) => c.id === d.id && !c.inForce)}
              onDone={(r) => { setReversal(r); setChanges(changes + 1); list.reload(); doc.reload(); }} />
            <table className="table compact">
              <thead><tr><th>#</th><th>{t('reconcile.cols.store')}</th><th>{t('fields.sku')}</th><th>{t('fields.qty')}</th><th>{t('fields.price')}</th><th>{t('fields.amount')}</th></tr></thead>
              <tbody>{d.lines.map((l, i) => <tr key={i}><td>{String(l.line_no)}</td><td>{String(l.store ?? '')}</td><td>{String(l.sku ?? l.fee_text ?? '')}</td>
                <td className="num">{typeof l.qty_milli === 'number' ? formatQty(l.qty_milli) : ''}</td><td className="num">{typeof l.price_e4 === 'number' ? formatPrice(l.price_e4) : ''}</td>
                <td className="num"><Money fen={Number(l.amount_fen)} /></td></tr>)}</tbody>
            </table>
            <h4>{t('audit.entries')}</h4>
            <table className="table compact">
              <thead><tr><th>{t('audit.account')}</th><th>{t('fields.amount')}</th></tr></thead>
              <tbody>{d.entries.map((e, i) => <tr key={i}><td>{label('accounts', e.account)}</td><td className="num"><Money fen={Number(e.amount_fen)} /></td></tr>)}</tbody>
            </table>
            <ReversalChain key={`${String(d.id)}-${changes}`} documentId={Number(d.id)} />
          </aside>
        )}
      </div>
    </section>
  );
}
