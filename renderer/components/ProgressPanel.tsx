import { useTranslation } from 'react-i18next';
import type { ProgressEvent } from '../../contract/service-contract';

/** A long call under way: what it is doing, how far, and a cancel button (the book stays as it was). */
export function ProgressPanel({ label, progress, onCancel }: { label: string; progress: ProgressEvent | null; onCancel?: () => void }) {
  const { t } = useTranslation();
  const fraction = progress?.total ? Math.min(1, (progress.done ?? 0) / progress.total) : undefined;
  return (
    <div className="progress-panel" role="status" aria-live="polite" data-testid="progress">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
      {progress?.done !== undefined && !progress.total && <span className="muted">{t('import.rowsRead', { n: progress.done.toLocaleString() })}</span>}
      {fraction !== undefined && <progress max={1} value={fraction} />}
      {onCancel && <button type="button" onClick={onCancel}>{t('app.cancel')}</button>}
    </div>
  );
}
