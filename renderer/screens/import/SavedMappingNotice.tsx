import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';

type Preview = ServiceResult<'import.preview'>;

/**
 * The saved mapping the file was recognised by (its header signature), named with its date and KA — "已套用
 * 2026-11-03 保存的家乐福映射" — with the two ways out: read the file by its headings this time, or delete the mapping.
 */
export function SavedMappingNotice({ preview, ignored, onIgnore, onUseAgain, onDelete }: {
  preview: Preview; ignored: boolean; onIgnore: () => void; onUseAgain: () => void; onDelete: () => void;
}) {
  const { t } = useTranslation();
  const m = preview.appliedMapping;
  if (ignored) {
    return (
      <p className="notice warn" data-testid="saved-ignored">{t('import.savedIgnored')} <button type="button" className="link" data-testid="use-saved-again" onClick={onUseAgain}>{t('import.useSavedAgain')}</button></p>
    );
  }
  if (!m) return null;
  const text = m.ka ? t('import.savedApplied', { date: m.savedAt.slice(0, 10), ka: m.kaName || m.ka, name: m.name }) : t('import.savedAppliedAny', { date: m.savedAt.slice(0, 10), name: m.name });
  return (
    <div className="notice ok saved-mapping" data-testid="saved-mapping">
      <span>{text}</span>
      <button type="button" data-testid="drop-saved" onClick={onIgnore}>{t('import.dropSaved')}</button>
      <button type="button" data-testid="delete-saved" onClick={onDelete}>{t('import.deleteSaved')}</button>
    </div>
  );
}
