import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { SidePanel } from '../../components/SidePanel';
import { formatFen, formatPrice, formatQty } from '../../format/amount';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';
import { useWords, type WireMessage } from '../../i18n/words';

/**
 * 无送货的验收行: receipt lines the KA booked that no delivery matched, with what can be done about each — match it to
 * a delivery line (same store and product, near in date), accept it with a reason, or dispute it with the KA.
 */
export function UnexpectedReceipts({ from, to, ka, openLine }: { from: string; to: string; ka: string; openLine?: number }) {
  const { t } = useTranslation();
  const { say, label, stored } = useWords();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const list = useQuery('reconcile.unexpected', { from, to, ...(ka ? { ka } : {}), open: onlyOpen });
  const [selected, setSelected] = useState<number | null>(openLine ?? null);
  const line = list.data?.rows.find((r) => r.line_id === selected) ?? null;
  return (
    <section data-testid="unexpected-view">
      <label className="inline"><input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} data-testid="unexpected-open-only" /> {t('reconcile.openOnly')}</label>
      <ErrorNotice error={list.error} />
      <div className={line ? 'with-panel' : ''}>
        <DataGrid testId="unexpected-grid" gridId="unexpected" rows={(list.data?.rows ?? []) as Row[]} height={480} rowId={(r) => String(r.line_id)} selectedId={selected === null ? null : String(selected)}
          onOpen={(r) => setSelected(Number(r.line_id))} columns={[
            { field: 'receipt_date', headerName: t('reconcile.cols.receiptDate'), width: 105, pinned: 'left' },
            { field: 'store', headerName: t('reconcile.cols.store'), width: 80, pinned: 'left' },
            { field: 'receipt_no', headerName: t('reconcile.cols.receipt'), width: 140, pinned: 'left' },
            { field: 'ka', headerName: t('reconcile.cols.ka'), width: 66 },
            { field: 'store_name', headerName: t('reconcile.cols.storeName'), width: 150 },
            { field: 'order_no', headerName: t('reconcile.cols.po'), width: 120 },
            { field: 'sku', headerName: t('reconcile.cols.sku'), width: 96 },
            { field: 'product_name', headerName: t('reconcile.cols.product'), width: 150 },
            { field: 'qty_milli', headerName: t('reconcile.cols.rqty'), width: 90, type: 'rightAligned', valueFormatter: (p) => (typeof p.value === 'number' ? formatQty(p.value) : '') },
            { field: 'price_e4', headerName: t('reconcile.cols.price'), width: 90, type: 'rightAligned', valueFormatter: (p) => (typeof p.value === 'number' ? formatPrice(p.value) : '') },
            { field: 'decision', headerName: t('reconcile.cols.decision'), width: 90, valueFormatter: (p) => label('decision', p.value) },
            { field: 'note', headerName: t('reconcile.cols.note'), width: 200, valueFormatter: (p) => stored(p.value) },
            moneyCol('amount_fen', t('reconcile.cols.received'), { pinned: 'right', width: 120 }),
          ]} />
        {line && (
          <SidePanel title={t('reconcile.unexpectedLine', { receipt: line.receipt_no })} onClose={() => setSelected(null)} testId="unexpected-detail">
            <dl className="facts">
              <dt>{t('reconcile.cols.store')}</dt><dd>{line.store} {line.store_name}</dd>
              <dt>{t('reconcile.cols.sku')}</dt><dd>{line.sku} {line.product_name}</dd>
              <dt>{t('reconcile.cols.rqty')}</dt><dd className="num">{typeof line.qty_milli === 'number' ? formatQty(line.qty_milli) : ''}</dd>
              <dt>{t('reconcile.cols.received')}</dt><dd className="num">{formatFen(line.amount_fen)}</dd>
              <dt>{t('reconcile.reason')}</dt><dd>{say(line.reason as WireMessage)}</dd>
              {line.decision && <><dt>{t('reconcile.cols.decision')}</dt><dd>{label('decision', line.decision)} {stored(line.note)}</dd></>}
            </dl>
            <ResolveReceipt key={line.line_id} lineId={line.line_id} onDone={() => setSelected(null)} />
          </SidePanel>
        )}
      </div>
    </section>
  );
}

function ResolveReceipt({ lineId, onDone }: { lineId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { label } = useWords();
  const candidates = useQuery('reconcile.candidates', { lineId });
  const { act, error } = useAction();
  const [note, setNote] = useState('');
  const [delivery, setDelivery] = useState<number | null>(null);
  const rows = candidates.data?.rows ?? [];
  const chosen = delivery ?? rows[0]?.line_id ?? null;
  const resolve = async (how: 'match' | 'accept' | 'dispute') => {
    const args = how === 'match' ? { lineId, how, deliveryLineId: chosen!, ...(note.trim() ? { note: note.trim() } : {}) } : { lineId, how, note };
    if (await act('reconcile.resolveReceipt', args as never)) onDone();
  };
  return (
    <div className="resolve">
      <Field label={t('reconcile.noteOrReason')} error={errorFor(error, 'note')}>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} data-testid="unexpected-note" />
      </Field>
      <fieldset>
        <legend>{t('reconcile.matchTo')}</legend>
        {rows.length === 0 && <p className="muted">{t('reconcile.noCandidates')}</p>}
        {rows.map((c) => (
          <label key={c.line_id} className="inline">
            <input type="radio" name="candidate" checked={chosen === c.line_id} onChange={() => setDelivery(c.line_id)} />
            {c.delivery_date} {c.delivery_no} · {label('status', c.status)} · {formatQty(c.delivered_qty)} · {formatFen(c.line_delivered_fen)}
          </label>
        ))}
        <button type="button" disabled={chosen === null} onClick={() => void resolve('match')} data-testid="unexpected-match">{t('reconcile.match')}</button>
      </fieldset>
      <div className="row">
        <button type="button" className="primary" disabled={!note.trim()} onClick={() => void resolve('accept')} data-testid="unexpected-accept">{t('reconcile.acceptReceipt')}</button>
        <button type="button" disabled={!note.trim()} onClick={() => void resolve('dispute')} data-testid="unexpected-dispute">{t('reconcile.disputeReceipt')}</button>
      </div>
      <ErrorNotice error={error && !error.field ? error : null} />
    </div>
  );
}
