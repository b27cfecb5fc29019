import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { formatTimestamp } from '../../format/dates';
import { useWords } from '../../i18n/words';
import { ColumnQuestions } from './ColumnQuestions';
import { MappingTable } from './MappingTable';
import { SampleGrid } from './SampleGrid';
import { SavedMappingNotice } from './SavedMappingNotice';
import { StoreReadings } from './StoreReadings';
import { UnknownCustomers } from './UnknownCustomers';

type Preview = ServiceResult<'import.preview'>;

/** Refusals the preview asks about above (competing columns, the date order, a guessed mapping, unknown customers). */
const QUESTIONS = new Set(['import.competing-columns', 'import.date-order-undecidable', 'import.unsure-columns', 'import.unknown-customer', 'import.unknown-customer-unnamed']);

export interface PreviewActions {
  onMapChange: (heading: string, field: string) => void;
  onReapply: () => void;
  onIgnoreSaved: () => void;
  onUseSavedAgain: () => void;
  onDeleteSaved: () => void;
  onChooseColumn: (field: string, heading: string, others: string[]) => void;
  onDateOrder: (order: 'dmy' | 'mdy') => void;
  onConfirmMapping: () => void;
  onConfirmCustomers: (pairs: { customerCode: string; customerName: string | null; ka: string; storeCode: string }[]) => void;
  /** 确认日期: the dates outside the book's window are right */
  onAllowDates: (on: boolean) => void;
}

/**
 * What the file will give before anything is written: the header row, the saved mapping applied, what must be
 * decided (competing columns, the order of day and month, a guessed mapping, unknown ERP customers), every refused
 * row in the user's language, each column's field with its confidence, how store cells were read, the first rows.
 */
export function ImportPreview({ preview, map, dirty, ignoredSaved, busy, isDocuments, actions, allowDates, corrections }: {
  preview: Preview; map: Record<string, string>; dirty: boolean; ignoredSaved: boolean; busy: boolean; isDocuments: boolean; actions: PreviewActions;
  allowDates: boolean;
  /** the documents that differ from the book, and 替换 (core/corrections' panel) */
  corrections: ReactNode;
}) {
  const { t } = useTranslation();
  const { say } = useWords();
  const reason = (e: Preview['errors'][number]) => say(e.reason);
  const asked = preview.errors.filter((e) => QUESTIONS.has(e.reason.code));
  const refused = preview.errors.filter((e) => !QUESTIONS.has(e.reason.code));
  const refusedCount = preview.errorCount - asked.length;
  return (
    <section className="preview" data-testid="import-preview">
      <h2>{t('import.preview')}</h2>
      <p className="muted">
        {preview.headerRow !== undefined && <span data-testid="header-row">{t('import.headerRow', { row: preview.headerRow })}</span>}
        {' · '}{t('import.format', { format: preview.format, encoding: preview.encoding ?? '' })}
      </p>
      <SavedMappingNotice preview={preview} ignored={ignoredSaved} onIgnore={actions.onIgnoreSaved} onUseAgain={actions.onUseSavedAgain} onDelete={actions.onDeleteSaved} />
      {preview.previousImports.length > 0 && <p className="notice warn">{t('import.previous', { at: formatTimestamp(preview.previousImports[0]!.at) })}</p>}
      <ColumnQuestions preview={preview} onChooseColumn={actions.onChooseColumn} onDateOrder={actions.onDateOrder} onConfirmMapping={actions.onConfirmMapping} />
      <UnknownCustomers preview={preview} busy={busy} onConfirm={actions.onConfirmCustomers} />
      {refusedCount > 0 ? (
        <div className="notice error" role="alert" data-testid="import-errors">
          <strong>{t('import.errors', { count: refusedCount })}</strong>
          <table className="table compact">
            <thead><tr><th>{t('import.errorRow')}</th><th>{t('import.errorField')}</th><th>{t('import.errorReason')}</th></tr></thead>
            <tbody>
              {refused.slice(0, 500).map((e, i) => <tr key={i}><td>{e.row ?? ''}</td><td>{e.field ?? ''}</td><td>{reason(e)}</td></tr>)}
            </tbody>
          </table>
          {preview.errors.some((e) => e.reason.code === 'import-files.date-outside-window') && (
            <label className="inline confirm-dates">
              <input type="checkbox" checked={allowDates} data-testid="allow-dates" onChange={(e) => actions.onAllowDates(e.target.checked)} />
              {t('import.allowDates')}
            </label>
          )}
        </div>
      ) : asked.length > 0 ? (
        <p className="notice warn" data-testid="answer-first">{t('import.answerFirst')}</p>
      ) : (
        <p className="notice ok" data-testid="import-summary">
          {isDocuments ? t('import.summary', { created: preview.created, lines: preview.lines, unchanged: preview.unchanged })
            : t('import.summaryMaster', { created: preview.created, unchanged: preview.unchanged })}
        </p>
      )}
      {corrections}
      {preview.warnings.length > 0 && (
        <details className="notice warn"><summary>{t('import.warnings', { count: preview.warnings.length })}</summary>
          <ul>{preview.warnings.slice(0, 100).map((w, i) => <li key={i}>{w.row ? `${w.row}: ` : ''}{reason(w)}</li>)}</ul>
        </details>
      )}
      <div className="preview-columns">
        {preview.fields.length > 0 && (
          <div>
            <h3>{t('import.mapping')}</h3>
            <MappingTable preview={preview} map={map} onChange={actions.onMapChange} />
            {dirty && <button type="button" data-testid="re-preview" disabled={busy} onClick={actions.onReapply}>{t('import.reapply')}</button>}
          </div>
        )}
        <StoreReadings preview={preview} />
      </div>
      <SampleGrid preview={preview} />
    </section>
  );
}
