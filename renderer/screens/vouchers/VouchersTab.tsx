import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceError, ServiceResult } from '../../../contract/service-contract';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { formatFen } from '../../format/amount';
import { useHost } from '../../host/host-context';
import { useQuery } from '../../host/use-query';
import { languageOf, renderMessage } from '../../../locale/index.js';

const GROUPINGS = ['document', 'day_kind'] as const;

/**
 * 凭证导出: the month's new postings as vouchers for the company's GL — what an export would write, what stops it
 * (an account not yet mapped), the export itself, and every export before with 重新导出 (the same vouchers again).
 */
export function VouchersTab({ periods, initialPeriod, signedIn, onMapping }: { periods: string[]; initialPeriod?: string | undefined; signedIn: boolean; onMapping: () => void }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const [period, setPeriod] = useState(initialPeriod && periods.includes(initialPeriod) ? initialPeriod : (periods[0] ?? ''));
  const [grouping, setGrouping] = useState<(typeof GROUPINGS)[number]>('document');
  const [layout, setLayout] = useState('kingdee-k3');
  const [batch, setBatch] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ServiceError | null>(null);
  const [done, setDone] = useState('');
  const layouts = useQuery('vouchers.layouts', {});
  const preview = useQuery('vouchers.preview', period ? { period, grouping } : null);
  const p = preview.data;
  const chosen = layouts.data?.layouts.find((l) => l.name === layout);

  const run = async (what: 'export' | 'reexport', oneBatch: number | null) => {
    if (!chosen) return;
    setBusy(true);
    setDone('');
    try {
      const name = `凭证-${period}-${what === 'export' ? 'new' : oneBatch ? `#${oneBatch}` : 'all'}-${chosen.name}.${chosen.extension}`;
      const out = what === 'export'
        ? await host.exportFile('vouchers.export', { period, grouping, layout }, name)
        : await host.exportFile('vouchers.reexport', { period, layout, ...(oneBatch ? { batch: oneBatch } : {}) }, name);
      if (out) {
        const r = out.result as ServiceResult<'vouchers.export'>;
        setDone(what === 'export' ? t('vouchers.exported', { vouchers: r.vouchers, first: r.first, last: r.last, documents: r.documents, where: out.where }) : t('vouchers.rewritten', { vouchers: r.vouchers, where: out.where }));
      }
      setError(null);
      preview.reload();
    } catch (e) {
      setError(asServiceError(e));
    } finally {
      setBusy(false);
    }
  };

  const canExport = signedIn && !!p && p.unmapped.length === 0 && !p.blocked && p.voucherCount > 0 && !busy;
  return (
    <section className="vouchers" data-testid="vouchers-tab">
      <div className="filter-bar">
        <label>{t('vouchers.period')}<select value={period} onChange={(e) => { setPeriod(e.target.value); setBatch(null); }} data-testid="vouchers-period">
          {periods.map((m) => <option key={m}>{m}</option>)}
        </select></label>
        <fieldset className="inline-choice" aria-label={t('vouchers.grouping')}>
          <legend>{t('vouchers.grouping')}</legend>
          {GROUPINGS.map((g) => (
            <label key={g}><input type="radio" name="voucher-grouping" value={g} checked={grouping === g} onChange={() => setGrouping(g)} data-testid={`vouchers-grouping-${g}`} />{t(`voucherGroupings.${g}`)}</label>
          ))}
        </fieldset>
        <label>{t('vouchers.layout')}<select value={layout} onChange={(e) => setLayout(e.target.value)} data-testid="vouchers-layout">
          {(layouts.data?.layouts ?? []).map((l) => <option key={l.name} value={l.name}>{l.title}</option>)}
        </select></label>
        <button type="button" className="primary" disabled={!canExport} onClick={() => run('export', null)} data-testid="vouchers-export">{t('vouchers.export')}</button>
      </div>
      {!signedIn && <p className="notice warn">{t('vouchers.signInFirst')}</p>}
      <ErrorNotice error={error ?? preview.error} onClose={() => { setError(null); preview.setError(null); }} />
      {done && <p className="notice ok" role="status" data-testid="vouchers-message">{done}</p>}
      {p && (
        <>
          <p data-testid="vouchers-status" data-pending={p.pendingDocuments} data-count={p.voucherCount}>{p.pendingDocuments === 0
            ? t('vouchers.statusDone', { period: p.period, state: t(`periodStatus.${p.periodStatus}`), remembered: p.remembered.vouchers })
            : t('vouchers.status', {
              period: p.period, state: t(`periodStatus.${p.periodStatus}`), pending: p.pendingDocuments, vouchers: p.voucherCount, debit: formatFen(p.debit), remembered: p.remembered.vouchers,
            })}</p>
          {p.unmapped.length > 0 && (
            <div className="notice warn" data-testid="vouchers-unmapped">
              {t('vouchers.unmapped')} {p.unmapped.map((u) => `${u.name}（${u.account}）`).join('、')}
              <button type="button" className="link" onClick={onMapping}>{t('vouchers.toMapping')}</button>
            </div>
          )}
          {p.blocked && <p className="notice warn" data-testid="vouchers-blocked">{renderMessage(languageOf(i18n.language), p.blocked as never)}</p>}
          {p.pendingDocuments === 0 && <p className="notice ok" data-testid="vouchers-nothing-new">{t('vouchers.nothingNew')}</p>}
          {p.vouchers.length > 0 && (
            <>
              <h3>{t('vouchers.preview')}{p.voucherCount > p.vouchers.length ? `（${t('vouchers.previewMore', { shown: p.vouchers.length, count: p.voucherCount })}）` : ''}</h3>
              <DataGrid testId="vouchers-preview" height={260} rows={p.vouchers as unknown as Row[]} rowId={(r) => String(r.number)} columns={[
                { field: 'number', headerName: t('vouchers.cols.voucher'), width: 90, valueFormatter: (x) => `${String(x.data?.word ?? '')}-${String(x.value)}` },
                { field: 'date', headerName: t('vouchers.cols.date'), width: 110 },
                { field: 'summary', headerName: t('vouchers.cols.summary'), flex: 1, minWidth: 260 },
                moneyCol('debit', t('vouchers.cols.debit')),
                { field: 'lines', headerName: t('vouchers.cols.lines'), width: 70, type: 'rightAligned' },
                { field: 'documents', headerName: t('vouchers.cols.documents'), width: 200, valueFormatter: (x) => (x.value as string[]).join(' ') },
              ]} />
            </>
          )}
          <h3>{t('vouchers.exports')}</h3>
          {p.exports.length === 0 ? <p className="muted">{t('vouchers.exportsNone')}</p> : (
            <>
              <DataGrid testId="vouchers-exports" height="auto" rows={p.exports as unknown as Row[]} rowId={(r) => String(r.id)} selectedId={batch === null ? null : String(batch)}
                onOpen={(r) => setBatch(Number(r.id))} columns={[
                  { field: 'id', headerName: t('vouchers.cols.batch'), width: 80, valueFormatter: (x) => `#${String(x.value)}` },
                  { field: 'created_at', headerName: t('vouchers.cols.at'), width: 150, valueFormatter: (x) => new Date(String(x.value)).toLocaleString('sv-SE').slice(0, 16) },
                  { field: 'created_by', headerName: t('vouchers.cols.by'), width: 90 },
                  { field: 'layout', headerName: t('vouchers.cols.layout'), width: 130 },
                  { field: 'grouping', headerName: t('vouchers.cols.grouping'), width: 170, valueFormatter: (x) => t(`voucherGroupings.${String(x.value)}`) },
                  { field: 'first_number', headerName: t('vouchers.cols.numbers'), width: 110, valueFormatter: (x) => `${String(x.value)}–${String(x.data?.last_number ?? '')}` },
                  { field: 'vouchers', headerName: t('vouchers.cols.vouchers'), width: 80, type: 'rightAligned' },
                  { field: 'documents', headerName: t('vouchers.cols.documents'), width: 80, type: 'rightAligned' },
                  { field: 'file_name', headerName: t('vouchers.cols.file'), flex: 1, minWidth: 160 },
                ]} />
              <div className="row actions">
                <button type="button" disabled={!signedIn || batch === null || busy} onClick={() => run('reexport', batch)} data-testid="vouchers-reexport-batch">
                  {t('vouchers.rewriteBatch', { batch: batch ?? '' })}
                </button>
                <button type="button" disabled={!signedIn || busy} onClick={() => run('reexport', null)} data-testid="vouchers-reexport-all">{t('vouchers.rewriteAll')}</button>
                <span className="muted small">{t('vouchers.rewriteNote')}</span>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
