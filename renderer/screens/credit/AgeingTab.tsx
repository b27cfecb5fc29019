import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { Money } from '../../components/Money';
import { useHost } from '../../host/host-context';
import { useQuery } from '../../host/use-query';
import { AgeingChart } from './AgeingChart';
import { useWords } from '../../i18n/words';

/** Ageing by KA account: the chart, the table tying to the ledger, and the items behind a bar with the statement of account. */
export function AgeingTab({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const { say, lang } = useWords();
  const host = useHost();
  const report = useQuery('ageing.report', { asOf, by: 'ka' });
  const [ka, setKa] = useState<string | null>(null);
  const items = useQuery('credit.items', ka ? { asOf, ka } : null);
  const [message, setMessage] = useState('');
  const r = report.data;
  const soa = items.data as unknown as { items: Row[]; balance: number; inCapitals: string } | null;
  const exportSoa = async (format: 'xlsx' | 'pdf') => {
    if (!ka) return;
    try {
      const out = await host.exportFile('credit.statementOfAccount', { ka, asOf, format, lang }, `${t('credit.soaFileName')}-${ka}-${asOf}.${format}`);
      if (out) setMessage(t('settlement.exported', { where: out.where }));
    } catch (e) {
      items.setError(asServiceError(e));
    }
  };
  return (
    <section>
      <ErrorNotice error={report.error ?? items.error} />
      {r && (
        <>
          <div className="figures" data-testid="ageing-figures">
            <span>{t('home.balance')} <strong><Money fen={r.figures.balance} /></strong></span>
            <span>{t('home.open')} <strong><Money fen={r.figures.open} /></strong></span>
            <span>{t('home.overdue')} <strong><Money fen={r.figures.overdue} /></strong></span>
            <span>{t('home.unapplied')} <strong><Money fen={-r.figures.unapplied} /></strong></span>
            <span className="muted">{r.ties ? t('credit.ties') : t('credit.notTies')} <Money fen={r.ledgerBalance} /></span>
          </div>
          <AgeingChart rows={r.rows} buckets={r.buckets.map(say)} onPick={setKa} title={t('credit.chart')} />
          <table className="table compact" data-testid="ageing-table">
            <thead><tr><th>KA</th>{r.buckets.map((b, i) => <th key={i}>{say(b)}</th>)}<th>{t('credit.unapplied')}</th><th>{t('credit.total')}</th></tr></thead>
            <tbody>
              {r.rows.map((row) => (
                <tr key={row.key}><td><button type="button" className="link" onClick={() => setKa(row.code)}>{row.name}</button></td>
                  {row.buckets.map((b, i) => <td key={i} className="num"><Money fen={b} /></td>)}<td className="num"><Money fen={row.credits} /></td><td className="num"><Money fen={row.total} /></td></tr>
              ))}
              <tr className="total"><td>{t('credit.total')}</td>{r.totals.buckets.map((b, i) => <td key={i} className="num"><Money fen={b} /></td>)}<td className="num"><Money fen={r.totals.credits} /></td><td className="num"><Money fen={r.totals.total} /></td></tr>
            </tbody>
          </table>
        </>
      )}
      {ka && soa && (
        <section data-testid="ageing-items">
          <div className="row">
            <h3>{t('credit.itemsOf', { ka, asOf })}</h3>
            <span className="fill" />
            <button type="button" onClick={() => exportSoa('xlsx')} data-testid="soa-xlsx">{t('credit.soaXlsx')}</button>
            <button type="button" onClick={() => exportSoa('pdf')}>{t('credit.soaPdf')}</button>
          </div>
          {message && <p className="notice ok" role="status">{message}</p>}
          <p>{t('credit.balance')} <Money fen={soa.balance} /> ({soa.inCapitals})</p>
          <DataGrid rows={soa.items} height={320} columns={[
            { field: 'docNo', headerName: t('fees.docNo'), width: 160 },
            { field: 'docDate', headerName: t('fields.date'), width: 110 },
            { field: 'dueDate', headerName: t('credit.due'), width: 110 },
            { field: 'kind', headerName: t('terms.kind'), width: 100, valueFormatter: (p) => t(`credit.itemKind.${p.value as string}`) },
            moneyCol('openFen', t('fees.open')),
            { field: 'daysOverdue', headerName: t('credit.daysOverdue'), width: 100, type: 'rightAligned' },
          ]} />
        </section>
      )}
    </section>
  );
}

