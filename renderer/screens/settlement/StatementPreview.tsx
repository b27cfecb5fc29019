import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid } from '../../components/DataGrid';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { formatTimestamp } from '../../format/dates';
import { useHost } from '../../host/host-context';
import { useQuery } from '../../host/use-query';
import { ConfirmationsPanel } from './ConfirmationsPanel';
import { StatementDetails } from './StatementDetails';
import { useWords } from '../../i18n/words';

/**
 * One distributor's statement as it will print (the same HTML the PDF is printed from, shown in a sandboxed frame
 * with no scripts), its versions, and exports to .xlsx and PDF.
 */
export function StatementPreview({ period, distributor }: { period: string; distributor: string }) {
  const { t } = useTranslation();
  const host = useHost();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const { lang } = useWords();
  const preview = useQuery('statement.preview', { period, distributor, lang, ...(version ? { version } : {}) });
  const versions = useQuery('statement.versions', { period, distributor });
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const exportAs = async (format: 'xlsx' | 'pdf') => {
    setBusy(true);
    setMessage('');
    try {
      const name = `${t('settlement.fileName')}-${distributor}-${period}${preview.data?.version ? `-v${preview.data.version}` : ''}.${format}`;
      const out = await host.exportFile('statement.export', { period, distributor, format, lang, ...(version ? { version } : {}) }, name);
      if (out) setMessage(t('settlement.exported', { where: out.where }));
    } catch (e) {
      preview.setError(asServiceError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="statement" aria-label={t('settlement.statement')}>
      <div className="row">
        <h3>{t('settlement.statementOf', { distributor, period })}</h3>
        {preview.data && <span className="muted" data-testid="statement-version">{preview.data.version === null ? t('settlement.draft') : `v${preview.data.version} · ${t(`statementStatus.${preview.data.status}`, { defaultValue: preview.data.status })}`}</span>}
        <span className="fill" />
        <button type="button" data-testid="export-statement-xlsx" disabled={busy} onClick={() => exportAs('xlsx')}>{t('settlement.exportXlsx')}</button>
        <button type="button" data-testid="export-statement-pdf" disabled={busy} onClick={() => exportAs('pdf')}>{t('settlement.exportPdf')}</button>
      </div>
      <ErrorNotice error={preview.error} onClose={() => preview.setError(null)} />
      {message && <p className="notice ok" role="status" data-testid="statement-message">{message}</p>}
      {preview.data && (
        <>
          <p className="muted small" data-testid="statement-hash">{preview.data.sha256 === null ? t('settlement.draftHash') : `SHA-256 ${preview.data.sha256}`}</p>
          <iframe className="statement-frame" title={t('settlement.statement')} sandbox="" srcDoc={preview.data.html} data-testid="statement-frame" />
          <StatementDetails key={`${distributor}/${period}/${preview.data.version ?? 'draft'}`} period={period} distributor={distributor} tables={preview.data.details} lang={lang} {...(version ? { version } : {})} />
        </>
      )}
      {preview.data && preview.data.version !== null && (
        <ConfirmationsPanel period={period} distributor={distributor} kas={preview.data.kas} confirmations={preview.data.confirmations} onRecorded={preview.reload} />
      )}
      {versions.data && versions.data.rows.length > 0 && (
        <>
          <h4>{t('settlement.versions')}</h4>
          <DataGrid testId="statement-versions" height="auto" rows={versions.data.rows} onOpen={(r) => setVersion(Number(r.version))}
            columns={[
              { field: 'version', headerName: t('settlement.version'), width: 80 },
              { field: 'status', headerName: t('settlement.status'), width: 110, valueFormatter: (p) => t(`statementStatus.${p.value as string}`, { defaultValue: p.value as string }) },
              { field: 'prepared_by', headerName: t('settlement.preparedBy'), width: 110 },
              { field: 'prepared_at', headerName: t('settlement.preparedAt'), width: 150, valueFormatter: (p) => formatTimestamp(p.value as string) },
              { field: 'reviewed_by', headerName: t('settlement.reviewedBy'), width: 110 },
              { field: 'approved_by', headerName: t('settlement.approvedBy'), width: 110 },
              { field: 'sha256', headerName: 'SHA-256', flex: 1 },
            ]} />
        </>
      )}
    </section>
  );
}
