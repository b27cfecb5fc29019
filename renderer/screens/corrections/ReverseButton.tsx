import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../host/use-action';

type Reversal = ServiceResult<'corrections.reverse'>;

/** What a reversal did, in one line (and the closed month it was booked after). */
export function ReversalNotice({ r }: { r: Reversal }) {
  const { t } = useTranslation();
  return (
    <p className="notice ok" role="status" data-testid="reversal-done">
      {r.closedPeriod ? t('corrections.reversedClosed', { doc: r.docNo, period: r.closedPeriod, reversal: r.reversalNo, date: r.date })
        : t('corrections.reversed', { doc: r.docNo, reversal: r.reversalNo, date: r.date })}
      {r.unCleared.length > 0 && <> · {t('corrections.uncleared', { count: r.unCleared.length })}</>}
      {r.freedDeductionLines > 0 && <> · {t('corrections.freed', { count: r.freedDeductionLines })}</>}
    </p>
  );
}

/**
 * 冲销 on any document: a button that opens a confirmation with a required reason; the reversal (红字) is posted by
 * the signed-in user. Hidden for a document no longer in force.
 */
export function ReverseButton({ documentId, label, inForce = true, onDone }: { documentId: number; label: string; inForce?: boolean; onDone: (r: Reversal) => void }) {
  const { t } = useTranslation();
  const { act, error, setError } = useAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!inForce) return null;
  const confirm = async () => {
    setBusy(true);
    const r = await act('corrections.reverse', { documentId, reason: reason.trim() });
    setBusy(false);
    if (r) {
      setOpen(false);
      setReason('');
      onDone(r);
    }
  };
  return (
    <>
      <button type="button" className="danger" data-testid="reverse-open" onClick={() => { setError(null); setOpen(true); }}>{t('corrections.reverse')}</button>
      {open && (
        <Dialog title={t('corrections.reverseTitle', { doc: label })} onClose={() => setOpen(false)} testId="reverse-dialog">
          <p className="muted">{t('corrections.reverseExplain')}</p>
          <label className="field wide"><span>{t('corrections.reason')}</span>
            <textarea rows={3} maxLength={500} value={reason} placeholder={t('corrections.reasonPlaceholder')} data-testid="reverse-reason" onChange={(e) => setReason(e.target.value)} />
          </label>
          <ErrorNotice error={error} onClose={() => setError(null)} />
          <div className="row">
            <button type="button" className="danger" data-testid="reverse-confirm" disabled={!reason.trim() || busy} onClick={confirm}>{t('corrections.confirmReverse')}</button>
          </div>
        </Dialog>
      )}
    </>
  );
}
