import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Money } from '../../components/Money';
import { yuanToFen } from '../../format/parse-input';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';

const MODES = ['references', 'oldest', 'items'] as const;
type Mode = (typeof MODES)[number];
type Result = ServiceResult<'corrections.reallocate'>;

/**
 * 重新核销: undo a remittance's clearing and allocate it again — by its own references, oldest due first, or to the
 * open items ticked here (each in full, or the amount typed), with a reason.
 */
export function ReallocateDialog({ remittanceId, docNo, onClose, onDone }: { remittanceId: number; docNo: string; onClose: () => void; onDone: (r: Result) => void }) {
  const { t } = useTranslation();
  const { act, error, setError } = useAction();
  const items = useQuery('corrections.openItems', { remittanceId });
  const [mode, setMode] = useState<Mode>('references');
  const [chosen, setChosen] = useState<Record<number, string | undefined>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const picked = Object.entries(chosen).filter(([, v]) => v !== undefined);
  const confirm = async () => {
    const list = picked.map(([id, text]) => {
      const amount = text?.trim() ? yuanToFen(text) : undefined;
      return { documentId: Number(id), ...(amount !== undefined && amount !== null ? { amountFen: amount } : {}) };
    });
    setBusy(true);
    const r = await act('corrections.reallocate', { remittanceId, mode, reason: reason.trim(), ...(mode === 'items' ? { items: list } : {}) });
    setBusy(false);
    if (r) onDone(r);
  };
  return (
    <Dialog title={t('corrections.reallocateTitle', { doc: docNo })} onClose={onClose} testId="reallocate-dialog">
      <p className="muted">{t('corrections.reallocateExplain')}</p>
      <label className="field"><span>{t('corrections.mode')}</span>
        <select value={mode} data-testid="reallocate-mode" onChange={(e) => setMode(e.target.value as Mode)}>
          {MODES.map((m) => <option key={m} value={m}>{t(`reallocationModes.${m}`)}</option>)}
        </select>
      </label>
      {mode === 'items' && (
        <div className="scroll-box"><table className="table compact" data-testid="reallocate-items">
          <caption>{t('corrections.chooseItems')}</caption>
          <thead><tr><th /><th>{t('fees.docNo')}</th><th>{t('fields.date')}</th><th>{t('fees.open')}</th><th>{t('corrections.paidByThis')}</th><th>{t('corrections.amount')}</th></tr></thead>
          <tbody>
            {(items.data?.rows ?? []).map((i) => {
              const id = Number(i.document_id);
              const on = chosen[id] !== undefined;
              return (
                <tr key={id}>
                  <td><input type="checkbox" checked={on} aria-label={String(i.doc_no)} data-testid={`pick-${String(i.doc_no)}`} onChange={(e) => setChosen({ ...chosen, [id]: e.target.checked ? '' : undefined })} /></td>
                  <td>{t(`docKinds.${String(i.kind)}`)} {String(i.doc_no)}</td><td>{String(i.due_date ?? i.doc_date)}</td>
                  <td className="num"><Money fen={Number(i.open_fen)} /></td><td className="num"><Money fen={Number(i.paid_by_this_fen)} /></td>
                  <td><input inputMode="decimal" disabled={!on} value={chosen[id] ?? ''} aria-label={t('corrections.amount')} onChange={(e) => setChosen({ ...chosen, [id]: e.target.value })} /></td>
                </tr>
              );
            })}
          </tbody>
        </table></div>
      )}
      <label className="field wide"><span>{t('corrections.reason')}</span>
        <textarea rows={2} maxLength={500} value={reason} data-testid="reallocate-reason" onChange={(e) => setReason(e.target.value)} />
      </label>
      <ErrorNotice error={error ?? items.error} onClose={() => setError(null)} />
      <div className="row">
        <button type="button" className="primary" data-testid="reallocate-confirm" disabled={!reason.trim() || busy || (mode === 'items' && picked.length === 0)} onClick={confirm}>{t('corrections.confirmReallocate')}</button>
      </div>
    </Dialog>
  );
}
