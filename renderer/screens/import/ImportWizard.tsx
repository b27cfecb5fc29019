import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceArgs, ServiceResult } from '../../../contract/service-contract';
import type { Route } from '../../app/areas';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { DateInput, isIsoDateOrEmpty } from '../../components/DateInput';
import { ProgressPanel } from '../../components/ProgressPanel';
import { useHost } from '../../host/host-context';
import { useKaAccounts } from '../../host/use-ka-accounts';
import { useLongCall } from '../../host/use-long-call';
import { FileDrop } from './FileDrop';
import { ImportPreview, type PreviewActions } from './ImportPreview';
import { ImportResult } from './ImportResult';
import { ConflictsPanel, ReplacedSummary } from '../corrections/ConflictsPanel';
import { ImportBatches } from '../corrections/ImportBatches';
import { DOCUMENT_IMPORT_KINDS, MASTER_KINDS } from '../../../vocabulary/index.js';

// Documents first: what an accountant imports every month.
const KINDS = [...DOCUMENT_IMPORT_KINDS, ...MASTER_KINDS] as const;
type Kind = (typeof KINDS)[number];
type Preview = ServiceResult<'import.preview'>;
type Report = ServiceResult<'import.commit'>;
/** What the user has decided about this file so far: the mapping by hand, the order of dates, the saved mapping dropped. */
interface Choices { map: Record<string, string>; dateOrder?: 'dmy' | 'mdy'; ignoreSaved: boolean }

/**
 * The import wizard: choose (or drop) a file, see how it will be read — the saved mapping found for it, each column
 * with its confidence, how stores and dates were read, what must be decided — answer, change the mapping and save it
 * for the KA account, then import in one transaction.
 */
export function ImportWizard({ go }: { go: (r: Route) => void }) {
  const { t } = useTranslation();
  const host = useHost();
  const call = useLongCall();
  const [kind, setKind] = useState<Kind>('deliveries');
  const [ka, setKa] = useState('');
  const [date, setDate] = useState('');
  const [saved, setSaved] = useState<ServiceResult<'import.mappings'>['mappings']>([]);
  const [mapping, setMapping] = useState('');
  const [file, setFile] = useState<{ name: string; path: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [choices, setChoices] = useState<Choices>({ map: {}, ignoreSaved: false });
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
  const [info, setInfo] = useState('');

  const kas = useKaAccounts().rows;
  useEffect(() => {
    host.call('import.mappings', { kind, ...(ka ? { ka } : {}) }).then((r) => setSaved(r.mappings), () => setSaved([]));
  }, [host, kind, ka, report, preview?.appliedMapping?.name]);

  const args = (path: string, c: Choices): ServiceArgs<'import.preview'> => ({
    kind, path, ...(ka ? { ka } : {}), ...(date ? { date } : {}), ...(mapping ? { mapping } : {}), ...(Object.keys(c.map).length ? { map: c.map } : {}),
    ...(c.dateOrder ? { dateOrder: c.dateOrder } : {}), ...(c.ignoreSaved ? { ignoreSavedMapping: true } : {}),
    ...(allowDates ? { allowDates } : {}),
    ...(replace ? { replace: true, ...(replaceReason.trim() ? { reason: replaceReason.trim() } : {}) } : {}),
  });

  const runPreview = async (path: string, c: Choices) => {
    setLabel(t('import.previewing'));
    setReport(null);
    setChoices(c);
    const p = await call.run('import.preview', args(path, c));
    setPreview(p);
    setDirty(false);
  };

  const choose = async (f: File) => {
    call.setError(null);
    setInfo('');
    if (!isIsoDateOrEmpty(date)) return;
    setPreview(null);
    setAllowDates(false);
    try {
      const path = await host.stageFile(f);
      setFile({ name: f.name, path });
      await runPreview(path, { map: {}, ignoreSaved: false });
    } catch (e) {
      call.setError(asServiceError(e));
    }
  };

  const commit = async () => {
    if (!file) return;
    setLabel(t('import.committing'));
    const r = await call.run('import.commit', { ...args(file.path, choices), ...(saveMapping && saveAs.trim() ? { saveMappingAs: saveAs.trim() } : {}) });
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
    setReplace(false);
    setSaveMapping(false);
    setSaveAs('');
    setChoices({ map: {}, ignoreSaved: false });
    setInfo('');
  };

  const again = (c: Choices) => (file ? runPreview(file.path, c) : Promise.resolve());
  const actions: PreviewActions = {
    onAllowDates: (on) => {
      setAllowDates(on);
      setDirty(true);
    },
    onMapChange: (heading, field) => {
      setChoices({ ...choices, map: { ...choices.map, [heading]: field } });
      setDirty(true);
      // Changing a column of the saved mapping applied: 保存此映射 under its name keeps the change for the next file.
      const applied = preview?.appliedMapping;
      if (applied && !choices.ignoreSaved) {
        setSaveMapping(true);
        setSaveAs(applied.name);
      }
    },
    onReapply: () => again(choices),
    onIgnoreSaved: () => again({ ...choices, ignoreSaved: true }),
    onUseSavedAgain: () => again({ ...choices, ignoreSaved: false }),
    onDeleteSaved: async () => {
      const m = preview?.appliedMapping;
      if (!m) return;
      try {
        await host.call('import.dropMapping', { name: m.name, kind, ka: m.ka });
        setInfo(t('import.savedDeleted', { name: m.name }));
        await again(choices);
      } catch (e) {
        call.setError(asServiceError(e));
      }
    },
    onChooseColumn: (field, heading, others) => again({ ...choices, map: { ...choices.map, [heading]: field, ...Object.fromEntries(others.map((o) => [o, ''])) } }),
    onDateOrder: (order) => again({ ...choices, dateOrder: order }),
    onConfirmMapping: () => {
      // The guessed columns become the user's own, and are kept for the KA's next file of this shape.
      const confirmed = Object.fromEntries(preview!.columns.map((c) => [c.heading || c.column, c.field]));
      setSaveMapping(true);
      setSaveAs((s) => s || `${ka || preview!.kaCode || ''} ${t(`import.kinds.${kind}`)}`.trim());
      return again({ ...choices, map: { ...confirmed, ...choices.map } });
    },
    onConfirmCustomers: async (pairs) => {
      try {
        const r = await host.call('import.confirmCustomers', { pairs });
        setInfo(t('import.customersConfirmed', { count: r.confirmed.length }));
        await again(choices);
      } catch (e) {
        call.setError(asServiceError(e));
      }
    },
  };

  const blocked = !preview || preview.errorCount > 0 || preview.conflicts.length > 0 || dirty || (preview.replaced.length > 0 && !replaceReason.trim());
  // The keyboard goes on where the eye goes: a preview that may be imported puts the focus on 导入 (the questions,
  // mapping and sample rows stay a Shift+Tab away); one with something to answer puts it at the top of the preview.
  const commitButton = useRef<HTMLButtonElement>(null);
  const kindSelect = useRef<HTMLSelectElement>(null);
  const previewTop = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!preview) return;
    requestAnimationFrame(() => {
      if (commitButton.current && !commitButton.current.disabled) commitButton.current.focus();
      else previewTop.current?.focus();
    });
  }, [preview]);
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
      {info && <p className="notice ok" role="status" data-testid="import-info">{info}</p>}
      {call.busy && <ProgressPanel label={label} progress={call.progress} onCancel={call.cancel} />}

      {report && <ReplacedSummary count={report.replaced.length} />}
      {report ? <ImportResult report={report} go={go} onAnother={() => { reset(); requestAnimationFrame(() => kindSelect.current?.focus()); }} /> : (
        <>
          <fieldset className="form-grid" disabled={call.busy}>
            <label>{t('import.kind')}
              <select ref={kindSelect} value={kind} data-testid="import-kind" onChange={(e) => { setKind(e.target.value as Kind); setMapping(''); reset(); }}>
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
            <>
              <div ref={previewTop} tabIndex={-1} className="focus-anchor" />
              <ImportPreview preview={preview} map={choices.map} dirty={dirty} ignoredSaved={choices.ignoreSaved} busy={call.busy} isDocuments={isDocuments} actions={actions}
                allowDates={allowDates}
                corrections={<ConflictsPanel preview={preview} replace={replace} reason={replaceReason} onReason={setReplaceReason}
                  onReplace={(on) => { setReplace(on); setDirty(true); }} />} />
              <div className="row commit-row">
                {preview.fields.length > 0 && (
                  <label className="inline"><input type="checkbox" checked={saveMapping} data-testid="save-mapping" onChange={(e) => setSaveMapping(e.target.checked)} />{t('import.saveMapping')}</label>
                )}
                {saveMapping && <input aria-label={t('import.mappingName')} placeholder={t('import.mappingName')} value={saveAs} data-testid="mapping-name" onChange={(e) => setSaveAs(e.target.value)} />}
                <button ref={commitButton} type="button" className="primary" data-testid="import-commit" disabled={blocked || call.busy || (saveMapping && !saveAs.trim())} onClick={commit}>{t('import.commit')}</button>
              </div>
            </>
          )}
        </>
      )}
      <ImportBatches refresh={imports} />
    </main>
  );
}
