import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';

type Preview = ServiceResult<'import.preview'>;

/**
 * What only the user can decide before the file is read: which of two equally fitting columns a field takes, how a
 * date column whose days are all 12 or less is read, and whether a mapping guessed from the values is right. Each
 * answer previews the file again with it.
 */
export function ColumnQuestions({ preview, onChooseColumn, onDateOrder, onConfirmMapping }: {
  preview: Preview;
  onChooseColumn: (field: string, heading: string, others: string[]) => void;
  onDateOrder: (order: 'dmy' | 'mdy') => void;
  onConfirmMapping: () => void;
}) {
  const { t } = useTranslation();
  const unsure = preview.errors.some((e) => e.reason.code === 'import.unsure-columns');
  const q = preview.dateQuestion;
  return (
    <>
      {preview.competing.map((c) => (
        <div key={c.field} className="notice warn question" role="group" data-testid={`competing-${c.field}`}>
          <strong>{t('import.competingTitle', { field: t(`importFields.${c.field}`, { defaultValue: c.field }) })}</strong>{' '}
          {c.columns.map((x) => (
            <button key={x.column} type="button" data-testid={`choose-${x.column}`}
              onClick={() => onChooseColumn(c.field, x.heading || x.column, c.columns.filter((o) => o.column !== x.column).map((o) => o.heading || o.column))}>
              {t('import.useColumn', { column: x.column, heading: x.heading })} · {x.confidence}%
            </button>
          ))}
        </div>
      ))}
      {q && (
        <div className="notice warn question" role="group" data-testid="date-question">
          <strong>{t('import.dateQuestion', { heading: q.heading, column: q.column, value: q.value })}</strong>{' '}
          <button type="button" data-testid="date-dmy" onClick={() => onDateOrder('dmy')}>{t('import.dayFirst', { date: q.dmy })}</button>
          <button type="button" data-testid="date-mdy" onClick={() => onDateOrder('mdy')}>{t('import.monthFirst', { date: q.mdy })}</button>
        </div>
      )}
      {unsure && (
        <div className="notice warn question" data-testid="unsure-columns">
          <strong>{t('import.unsureTitle')}</strong>{' '}
          <button type="button" className="primary" data-testid="confirm-mapping" onClick={onConfirmMapping}>{t('import.confirmMapping')}</button>
        </div>
      )}
      {preview.dateStyles.length > 0 && (
        <p className="muted small" data-testid="date-styles">
          {t('import.dateStyles')}：{preview.dateStyles.map((d) => t('import.dateStyle', { heading: d.heading, column: d.column, style: t(`dateStyles.${d.style}`), example: d.example })).join('；')}
        </p>
      )}
    </>
  );
}
