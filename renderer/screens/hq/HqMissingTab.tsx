import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useQuery } from '../../host/use-query';

/** 未报送: the distributors that have not sent an approved month, and which months. */
export function HqMissingTab({ periods, month }: { periods: string[]; month: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(periods[0] ?? month);
  const [to, setTo] = useState(month);
  const q = useQuery('hq.missing', from && to ? { from, to } : null);
  const data = q.data as { distributors?: (Row & { missing: string[] })[]; complete?: number } | null;
  return (
    <section>
      <div className="row">
        <label className="inline">{t('hq.from')}<input value={from} onChange={(e) => setFrom(e.target.value)} data-testid="hq-missing-from" /></label>
        <label className="inline">{t('hq.to')}<input value={to} onChange={(e) => setTo(e.target.value)} data-testid="hq-missing-to" /></label>
        {data && <span data-testid="hq-missing-summary">{t('hq.missingSummary', { missing: data.distributors?.length ?? 0, complete: data.complete ?? 0 })}</span>}
      </div>
      <ErrorNotice error={q.error} />
      <DataGrid testId="hq-missing-grid" rows={(data?.distributors ?? []).map((d) => ({ ...d, missing: d.missing.join(' ') }))} columns={[
        { field: 'book', headerName: t('hq.cols.book'), width: 160 }, { field: 'distributor', headerName: t('hq.cols.distributor'), width: 90 },
        { field: 'name', headerName: t('hq.cols.name'), width: 180 }, { field: 'region', headerName: t('hq.cols.region'), width: 80 },
        { field: 'lastPeriod', headerName: t('hq.cols.lastPeriod'), width: 100 }, { field: 'missing', headerName: t('hq.cols.missing'), flex: 1, minWidth: 200 },
      ]} />
    </section>
  );
}
