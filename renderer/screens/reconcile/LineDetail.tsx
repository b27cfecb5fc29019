import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceArgs, ServiceError, ServiceResult } from '../../../contract/service-contract';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { Money } from '../../components/Money';
import { formatPrice, formatQty } from '../../format/amount';
import { useHost } from '../../host/host-context';
import { DocumentCorrections } from '../corrections/DocumentCorrections';
import { useWords } from '../../i18n/words';
import { DELIVERY_STATUSES } from '../../../vocabulary/index.js';
import { SidePanel } from '../../components/SidePanel';

type Detail = ServiceResult<'reconcile.line'>;
type Side = Detail['delivery'];
const OVERRIDE_TO = DELIVERY_STATUSES;

function SideTable({ lines, title, empty }: { lines: Side[]; title: string; empty?: string }) {
  const { t } = useTranslation();
  return (
    <section>
      <h3>{title}</h3>
      {lines.length === 0 ? <p className="muted">{empty}</p> : (
        <table className="table compact">
          <thead><tr><th>#</th><th>{t('fields.date')}</th><th>{t('reconcile.cols.po')}</th><th>{t('fields.qty')}</th><th>{t('fields.price')}</th><th>{t('fields.amount')}</th></tr></thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={i}><td>{l.doc_no}</td><td>{l.doc_date}</td><td>{l.order_no ?? ''}</td>
                <td className="num">{l.qty_milli === null ? '' : formatQty(l.qty_milli)}</td><td className="num">{formatPrice(l.price_e4)}</td>
                <td className="num"><Money fen={l.amount_fen} /></td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One line's both sides and the decisions on it: confirm, override (with a note), annotate. */
export function LineDetail({ lineId, onDecided, onClose }: { lineId: number; onDecided: () => void; onClose: () => void }) {
  const { say } = useWords();
  const { t } = useTranslation();
  const host = useHost();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<ServiceError | null>(null);
  const [note, setNote] = useState('');
  const [to, setTo] = useState<(typeof OVERRIDE_TO)[number]>('matched');
  const [saved, setSaved] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    setDetail(null);
    setSaved(false);
    setError(null);
    host.call('reconcile.line', { lineId }).then((d) => {
      setDetail(d);
      setNote(d.line.note?.startsWith('{"code"') ? '' : d.line.note ?? '');
    }, (e) => setError(asServiceError(e)));
  }, [host, lineId]);
  // The keyboard goes on where the eye goes: to the detail's first field, once it is drawn (after the render that
  // shows the line, not a frame that may come before it), and once per line.
  const noteFocused = useRef<number | null>(null);
  useEffect(() => {
    if (!detail || noteFocused.current === lineId) return;
    noteFocused.current = lineId;
    noteRef.current?.focus();
  }, [detail, lineId]);

  const decide = async (args: ServiceArgs<'reconcile.decide'>) => {
    if (args.decision !== 'confirmed' && !note.trim()) {
      setError({ code: 'missing-note', message: t('reconcile.noteNeeded'), field: t('reconcile.note') });
      return;
    }
    try {
      await host.call('reconcile.decide', args);
      setSaved(true);
      setError(null);
      setDetail(await host.call('reconcile.line', { lineId }));
      onDecided();
    } catch (e) {
      setError(asServiceError(e));
    }
  };

  const line = detail?.line;
  return (
    <SidePanel title={`${t('reconcile.detail')}${line ? ` · ${line.delivery_no}` : ''}`} onClose={onClose} testId="line-detail">
      <ErrorNotice error={error} onClose={() => setError(null)} />
      {line && detail && (
        <>
          <p><span className={`status status-${line.status}`}>{t(`status.${line.status}`)}</span>
            {line.decision && <> · {t(`decision.${line.decision}`)}{line.decision_stale ? ` ⚠ ${t('reconcile.stale')}` : ''}</>}</p>
          <dl className="facts">
            <dt>{t('reconcile.cols.store')}</dt><dd>{line.store} {line.store_name}</dd>
            <dt>{t('reconcile.cols.product')}</dt><dd>{line.sku} {line.product_name}</dd>
            <dt>{t('reconcile.reason')}</dt><dd data-testid="detail-reason">{say(line.reason)}</dd>
            <dt>{t('reconcile.matchedBy')}</dt><dd>{line.matched_by === 'order' ? t('reconcile.byOrder') : line.matched_by === 'nearest' ? t('reconcile.byNearest') : '—'}</dd>
            <dt>{t('reconcile.listPrice')}</dt><dd>{formatPrice(line.list_price_e4)}</dd>
            <dt>{t('reconcile.cols.difference')}</dt><dd><Money fen={line.line_received_fen - line.line_delivered_fen} /></dd>
          </dl>
          <div className="sides">
            <SideTable title={t('reconcile.deliverySide')} lines={[detail.delivery]} />
            <SideTable title={t('reconcile.receiptSide')} lines={detail.receipts} empty={t('reconcile.noReceipts')} />
          </div>
          <DocumentCorrections delivery={detail.delivery} receipts={detail.receipts} onReversed={async () => { setDetail(await host.call('reconcile.line', { lineId })); onDecided(); }} />
          <div className="decide">
            <label>{t('reconcile.note')}<textarea ref={noteRef} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={500} data-testid="decision-note" /></label>
            <div className="row">
              <button type="button" className="primary" data-testid="detail-confirm" onClick={() => decide({ lineId, decision: 'confirmed', ...(note.trim() ? { note: note.trim() } : {}) })}>{t('reconcile.confirmBtn')}</button>
              <label className="inline">{t('reconcile.override')}
                <select value={to} onChange={(e) => setTo(e.target.value as typeof to)} data-testid="override-to">
                  {OVERRIDE_TO.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
                </select>
              </label>
              <button type="button" data-testid="detail-override" onClick={() => decide({ lineId, decision: 'overridden', to, note: note.trim() })}>{t('reconcile.overrideBtn')}</button>
              <button type="button" data-testid="detail-annotate" onClick={() => decide({ lineId, decision: 'annotated', note: note.trim() })}>{t('reconcile.annotate')}</button>
              {saved && <span className="ok-text" role="status">{t('reconcile.decided')}</span>}
            </div>
          </div>
        </>
      )}
    </SidePanel>
  );
}
