import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColDef } from 'ag-grid-community';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useQuery } from '../../host/use-query';

const PAGE = 200;

/**
 * The statement's detail tables (送货明细, 扣费明细, …), one table and one page of 200 rows at a time: a month of
 * a large distributor has some 20,000 delivery lines, which as one HTML reply froze the window for seconds.
 */
export function StatementDetails({ period, distributor, version, lang, tables }: {
  period: string; distributor: string; version?: number; lang: string; tables: { table: number; name: string; rows: number }[];
}) {
  const { t } = useTranslation();
  const shown = tables.filter((d) => d.rows > 0);
  const [table, setTable] = useState<number | null>(shown[0]?.table ?? null);
  const [offset, setOffset] = useState(0);
  const page = useQuery('statement.detailPage', table === null ? null : { period, distributor, table, offset, limit: PAGE, lang, ...(version ? { version } : {}) });
  if (shown.length === 0) return null;
  const columns: ColDef<Row>[] = (page.data?.columns ?? []).map((c) => (c.money ? moneyCol(c.key, c.header)
    : { field: c.key, headerName: c.header, ...(c.qty ? { type: 'rightAligned', valueFormatter: (p: { value: unknown }) => (typeof p.value === 'number' ? String(p.value / 1000) : '') } : {}) }));
  const total = page.data?.total ?? 0;
  return (
    <section aria-label={t('statementDetails.title')} data-testid="statement-details">
      <div className="row">
        {shown.map((d) => (
          <button type="button" key={d.table} aria-pressed={d.table === table} data-testid={`statement-detail-${d.table}`}
            onClick={() => { setTable(d.table); setOffset(0); }}>{t('statementDetails.table', { name: d.name, rows: d.rows })}</button>
        ))}
        <span className="fill" />
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('statementDetails.previous')}</button>
        <span className="muted" data-testid="statement-detail-range">{t('statementDetails.range', { from: total === 0 ? 0 : offset + 1, to: Math.min(offset + PAGE, total), total })}</span>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{t('statementDetails.next')}</button>
      </div>
      <ErrorNotice error={page.error} onClose={() => page.setError(null)} />
      {page.data && <DataGrid testId="statement-detail-grid" height={360} rows={page.data.rows} columns={columns} />}
    </section>
  );
}
