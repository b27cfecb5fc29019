import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceArgs, ServiceResult } from '../../../contract/service-contract';
import type { Route } from '../../app/areas';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { DateInput, isIsoDateOrEmpty } from '../../components/DateInput';
import { ProgressPanel } from '../../components/ProgressPanel';
import { formatTimestamp } from '../../format/dates';
import { useHost } from '../../host/host-context';
import { useKaAccounts } from '../../host/use-ka-accounts';
import { useLongCall } from '../../host/use-long-call';
import { FileDrop } from './FileDrop';
import { ImportResult } from './ImportResult';
import { MappingTable } from './MappingTable';
import { SampleGrid } from './SampleGrid';
import { ConflictsPanel, ReplacedSummary } from '../corrections/ConflictsPanel';
import { ImportBatches } from '../corrections/ImportBatches';
import { useWords } from '../../i18n/words';
import { DOCUMENT_IMPORT_KINDS, MASTER_KINDS } from '../../../vocabulary/index.js';

// Documents first: what an accountant imports every month.
const KINDS = [...DOCUMENT_IMPORT_KINDS, ...MASTER_KINDS] as const;
type Kind = (typeof KINDS)[number];
type Preview = ServiceResult<'import.preview'>;
type Report = ServiceResult<'import.commit'>;

/**
 * The import wizard: choose (or drop) a file, see the detected header, the column mapping and every refused row
 * before anything is written, change the mapping and save it for the KA account, then import in one transaction.
 */
export function ImportWizard({ go }: { go: (r: Route) => void }) {
  const { t } = useTranslation();
  const { say } = useWords();
  const host = useHost();
  const call = useLongCall();
  const [kind, setKind] = useState<Kind>('deliveries');
  const [ka, setKa] = useState('');
  const [date, setDate] = useState('');
  const [saved, setSaved] = useState<ServiceResult<'import.mappings'>['mappings']>([]);
  const [mapping, setMapping] = useState('');
  const [file, setFile] = useState<{ name: string; path: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [map, setMap] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const [saveAs, setSaveAs] = useState('');
  const [saveMapping, setSaveMapping] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [label, setLabel] = useState('');
  /** 确认日期: documents dated outside the book's window are confirmed (the preview asks when it finds any) */
  const [allowDates, setAllowDates] = useState(false);
  // 替换 (core/corrections): reverse what differs from the book and post the file's version
  const [replace, setReplace] = useState(false);
  const [replaceReason, setReplaceReason] = useState('');
  const [imports, setImports] = useState(0);

  const kas = useKaAccounts().rows;
  useEffect(() => {
    host.call('import.mappings', { kind, ...(ka ? { ka } : {}) }).then((r) => setSaved(r.mappings), () => setSaved([]));
  }, [host, kind, ka, report]);

  const args = (path: string, withMap: Record<string, string>): ServiceArgs<'import.preview'> => ({
    kind, path, ...(ka ? { ka } : {}), ...(date ? { date } : {}), ...(mapping ? { mapping } : {}), ...(Object.keys(withMap).length ? { map: withMap } : {}),
    ...(allowDates ? { allowDates } : {}),
    ...(replace ? { replace: true, ...(replaceReason.trim() ? { reason: replaceReason.trim() } : {}) } : {}),
  });

  const runPreview = async (path: string, withMap: Record<string, string>) => {
    setLabel(t('import.previewing'));
    setReport(null);
    const p = await call.run('import.preview', args(path, withMap));
    setPreview(p);
    setDirty(false);
  };

  const choose = async (f: File) => {
    call.setError(null);
    if (!isIsoDateOrEmpty(date)) return;
    setPreview(null);
    setMap({});
    setAllowDates(false);
    try {
      const path = await host.stageFile(f);
      setFile({ name: f.name, path });
      await runPreview(path, {});
    } catch (e) {
      call.setError(asServiceError(e));
    }
  };

  const commit = async () => {
    if (!file) return;
    setLabel(t('import.committing'));
    const r = await call.run('import.commit', { ...args(file.path, map), ...(saveMapping && saveAs.trim() ? { saveMappingAs: saveAs.trim() } : {}) });
    if (r) {
      setReport(r);
      setPreview(null);
      setImports(imports + 1);
    }
  };

  const reset = () => {
    setFile(null);
    setPreview(null);
    setReport(null);
    setMap({});
    setReplace(false);
  };

  const blocked = !preview || preview.errorCount > 0 || preview.conflicts.length > 0 || dirty || (preview.replaced.length > 0 && !replaceReason.trim());
  const isDocuments = KINDS.indexOf(kind) < 7;

  return (
    <main className="screen" aria-labelledby="import-title">
      <h1 id="import-title">{t('import.title')}</h1>
      <ol className="steps" aria-label="steps">
        <li className={!preview && !report ? 'current' : ''}>{t('import.step1')}</li>
        <li className={preview ? 'current' : ''}>{t('import.step2')}</li>
        <li className={report ? 'current' : ''}>{t('import.step3')}</li>
      </ol>
      <ErrorNotice error={call.error} onClose={() => call.setError(null)} />
      {call.busy && <ProgressPanel label={label} progress={call.progress} onCancel={call.cancel} />}

      {report && <ReplacedSummary count={report.replaced.length} />}
      {report ? <ImportResult report={report} go={go} onAnother={reset} /> : (
        <>
          <fieldset className="form-grid" disabled={call.busy}>
            <label>{t('import.kind')}
              <select value={kind} data-testid="import-kind" onChange={(e) => { setKind(e.target.value as Kind); setMapping(''); reset(); }}>
                {KINDS.map((k) => <option key={k} value={k}>{t(`import.kinds.${k}`)}</option>)}
              </select>
            </label>
            <label>{t('import.ka')}
              <select value={ka} data-testid="import-ka" onChange={(e) => setKa(e.target.value)}>
                <option value="">{t('import.anyKa')}</option>
                {kas.map((k) => <option key={k.code} value={k.code}>{k.code} {k.name}</option>)}
              </select>
            </label>
            <DateInput label={t('import.date')} value={date} onChange={setDate} />
            {saved.length > 0 && (
              <label>{t('import.savedMappings')}
                <select value={mapping} data-testid="import-mapping" onChange={(e) => setMapping(e.target.value)}>
                  <option value="">{t('app.none')}</option>
                  {saved.map((m) => <option key={`${m.name}|${m.ka}`} value={m.name}>{m.name}{m.ka ? ` (${m.ka})` : ''}</option>)}
                </select>
              </label>
            )}
          </fieldset>
          <FileDrop onFile={choose} chosen={file?.name ?? null} disabled={call.busy} />

          {preview && file && (
            <section className="preview" data-testid="import-preview">
              <h2>{t('import.preview')}</h2>
              <p className="muted">
                {preview.headerRow !== undefined && <span data-testid="header-row">{t('import.headerRow', { row: preview.headerRow })}</span>}
                {' · '}{t('import.format', { format: preview.format, encoding: preview.encoding ?? '' })}
              </p>
              {preview.previousImports.length > 0 && <p className="notice warn">{t('import.previous', { at: formatTimestamp(preview.previousImports[0]!.at) })}</p>}
              {preview.errorCount > 0 ? (
                <div className="notice error" role="alert" data-testid="import-errors">
                  <strong>{t('import.errors', { count: preview.errorCount })}</strong>
                  <table className="table compact">
                    <thead><tr><th>{t('import.errorRow')}</th><th>{t('import.errorField')}</th><th>{t('import.errorReason')}</th></tr></thead>
                    <tbody>
                      {preview.errors.slice(0, 500).map((e, i) => <tr key={i}><td>{e.row ?? ''}</td><td>{e.field ?? ''}</td><td>{say(e.reason)}</td></tr>)}
                    </tbody>
                  </table>
                  {preview.errors.some((e) => e.reason.code === 'import-files.date-outside-window') && (
                    <label className="inline confirm-dates">
                      <input type="checkbox" checked={allowDates} data-testid="allow-dates"
                        onChange={(e) => { setAllowDates(e.target.checked); setDirty(true); }} />
                      {t('import.allowDates')}
                    </label>
                  )}
                </div>
              ) : (
                <p className="notice ok" data-testid="import-summary">
                  {isDocuments ? t('import.summary', { created: preview.created, lines: preview.lines, unchanged: preview.unchanged })
                    : t('import.summaryMaster', { created: preview.created, unchanged: preview.unchanged })}
                </p>
              )}
              <ConflictsPanel preview={preview} replace={replace} reason={replaceReason} onReason={setReplaceReason}
                onReplace={(on) => { setReplace(on); setDirty(true); }} />
              {preview.warnings.length > 0 && (
                <details className="notice warn"><summary>{t('import.warnings', { count: preview.warnings.length })}</summary>
                  <ul>{preview.warnings.slice(0, 100).map((w, i) => <li key={i}>{w.row ? `${w.row}: ` : ''}{say(w.reason)}</li>)}</ul>
                </details>
              )}
              {preview.fields.length > 0 && (
                <>
                  <h3>{t('import.mapping')}</h3>
                  <MappingTable preview={preview} map={map} onChange={(heading, field) => { setMap({ ...map, [heading]: field }); setDirty(true); }} />
                  {dirty && <button type="button" data-testid="re-preview" onClick={() => runPreview(file.path, map)}>{t('import.reapply')}</button>}
                </>
              )}
              <SampleGrid preview={preview} />
              <div className="row commit-row">
                {preview.fields.length > 0 && (
                  <label className="inline"><input type="checkbox" checked={saveMapping} data-testid="save-mapping" onChange={(e) => setSaveMapping(e.target.checked)} />{t('import.saveMapping')}</label>
                )}
                {saveMapping && <input aria-label={t('import.mappingName')} placeholder={t('import.mappingName')} value={saveAs} data-testid="mapping-name" onChange={(e) => setSaveAs(e.target.value)} />}
                <button type="button" className="primary" data-testid="import-commit" disabled={blocked || call.busy || (saveMapping && !saveAs.trim())} onClick={commit}>{t('import.commit')}</button>
              </div>
            </section>
          )}
        </>
      )}
      <ImportBatches refresh={imports} />
    </main>
  );
}
