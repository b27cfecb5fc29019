import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HQ_AUDIT_BREAKDOWNS, type HqAuditBreakdown } from '../../../vocabulary/index.js';
import { DataGrid, type Row } from '../../components/DataGrid';
import { hqMoney } from './hq-columns';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatQty } from '../../format/amount';
import { useQuery } from '../../host/use-query';
import { percentOfPpm } from './hq-format';

/** KA营销审计 (seed, 五): sales, fees and the contribution after them per KA, store or product over any months. */
export function HqAuditTab({ periods }: { periods: string[] }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(periods[0] ?? '');
  const [to, setTo] = useState(periods.at(-1) ?? '');
  const [by, setBy] = useState<HqAuditBreakdown>('ka');
  const [ka, setKa] = useState('');
  const q = useQuery('hq.audit', from && to ? { from, to, by, ...(ka.trim() ? { ka: ka.trim() } : {}), limit: 1000 } : null);
  // Rows of an earlier breakdown are never shown under this one's columns while its answer is on the way.
  const answer = q.data as { by?: string; total?: number; rows?: Row[] } | null;
  const rows = answer?.by === by ? answer.rows ?? [] : [];
  const month = (value: string, set: (v: string) => void, label: string, id: string) => (
    <label className="inline">{label}<select value={value} onChange={(e) => set(e.target.value)} data-testid={id}>{periods.map((p) => <option key={p}>{p}</option>)}</select></label>
  );
  const first = by === 'ka' ? [{ field: 'ka', headerName: t('hq.cols.ka'), width: 70 }, { field: 'ka_name', headerName: t('hq.cols.name'), width: 90 }, { field: 'distributors', headerName: t('hq.cols.distributors'), width: 90 }]
    : by === 'store' ? [{ field: 'ka', headerName: t('hq.cols.ka'), width: 70 }, { field: 'store', headerName: t('hq.cols.store'), width: 100 }, { field: 'store_name', headerName: t('hq.cols.name'), width: 150 },
      { field: 'region', headerName: t('hq.cols.region'), width: 70 }, { field: 'distributor', headerName: t('hq.cols.distributor'), width: 180 }, { field: 'products', headerName: t('hq.cols.products'), width: 80 }]
    : [{ field: 'ka', headerName: t('hq.cols.ka'), width: 70 }, { field: 'sku', headerName: t('hq.cols.sku'), width: 100 }, { field: 'product_name', headerName: t('hq.cols.product'), width: 160 },
      { field: 'qty_milli', headerName: t('hq.cols.qty'), width: 100, type: 'rightAligned', valueFormatter: (p: { value: unknown }) => formatQty(p.value as number) },
      { field: 'distributionPpm', headerName: t('hq.cols.distribution'), width: 90, type: 'rightAligned', valueFormatter: (p: { value: unknown }) => percentOfPpm(p.value as number) }];
  return (
    <section>
      <div className="row">
        {month(from, setFrom, t('hq.from'), 'hq-audit-from')}
        {month(to, setTo, t('hq.to'), 'hq-audit-to')}
        <label className="inline">{t('hq.by')}
          <select value={by} onChange={(e) => setBy(e.target.value as HqAuditBreakdown)} data-testid="hq-audit-by">{HQ_AUDIT_BREAKDOWNS.map((b) => <option key={b} value={b}>{t(`hqAuditBreakdowns.${b}`)}</option>)}</select>
        </label>
        <input value={ka} onChange={(e) => setKa(e.target.value)} placeholder={t('hq.kaFilter')} aria-label={t('hq.kaFilter')} data-testid="hq-audit-ka" />
      </div>
      <ErrorNotice error={q.error} />
      {answer?.by === by && <p className="hint" data-testid="hq-audit-count">{t('hq.auditCount', { shown: rows.length, total: answer.total ?? rows.length })}</p>}
      <DataGrid key={by} testId="hq-audit-grid" rows={rows} columns={[
        ...first,
        hqMoney('sales_fen', t('hq.cols.sales'), { width: 120 }), hqMoney('returns_fen', t('hq.cols.returns')), hqMoney('net_sales_fen', t('hq.cols.netSales'), { width: 120 }),
        hqMoney('fees_fen', t('hq.cols.fees')), ...(by !== 'product' ? [hqMoney('manufacturer_fees_fen', t('hq.cols.mfrFees'))] : []), ...(by === 'ka' ? [hqMoney('rebates_fen', t('hq.cols.rebates'))] : []),
        hqMoney('contributionFen', t('hq.cols.contribution'), { width: 124 }),
        { field: 'marginPpm', headerName: t('hq.cols.margin'), width: 90, type: 'rightAligned', valueFormatter: (p) => percentOfPpm(p.value as number) },
      ]} />
    </section>
  );
}
