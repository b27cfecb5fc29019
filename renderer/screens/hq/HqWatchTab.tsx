import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatPrice, formatQty } from '../../format/amount';
import { useQuery } from '../../host/use-query';
import { percentOfPpm } from './hq-format';

/** 窜货监控 across regions and distributors: one chain's product at different prices, and stores ordering far above their usual. */
export function HqWatchTab({ period }: { period: string }) {
  const { t } = useTranslation();
  const q = useQuery('hq.watch', period ? { period } : {});
  const data = q.data as { priceGaps?: Row[]; storeSpikes?: Row[] } | null;
  const price = (field: string, header: string) => ({ field, headerName: header, width: 100, type: 'rightAligned', valueFormatter: (p: { value: unknown }) => formatPrice(p.value as number) });
  return (
    <section>
      <ErrorNotice error={q.error} />
      <h2>{t('hq.priceGaps')}</h2>
      <DataGrid testId="hq-price-gaps" height={260} rows={data?.priceGaps ?? []} columns={[
        { field: 'ka', headerName: t('hq.cols.ka'), width: 70 }, { field: 'sku', headerName: t('hq.cols.sku'), width: 110 }, { field: 'product_name', headerName: t('hq.cols.product'), width: 160 },
        price('low_e4', t('hq.cols.low')), { headerName: t('hq.cols.lowAt'), width: 200, valueGetter: (p) => `${String(p.data?.low_region ?? '')} ${String(p.data?.low_distributor ?? '')}` },
        price('high_e4', t('hq.cols.high')), { headerName: t('hq.cols.highAt'), width: 200, valueGetter: (p) => `${String(p.data?.high_region ?? '')} ${String(p.data?.high_distributor ?? '')}` },
        { field: 'gap_ppm', headerName: t('hq.cols.gap'), width: 80, type: 'rightAligned', valueFormatter: (p) => percentOfPpm(p.value as number) },
        { field: 'regions', headerName: t('hq.cols.regions'), width: 80, type: 'rightAligned' },
        { field: 'qty_milli', headerName: t('hq.cols.qty'), width: 100, type: 'rightAligned', valueFormatter: (p) => formatQty(p.value as number) },
      ]} />
      <h2>{t('hq.storeSpikes')}</h2>
      <DataGrid testId="hq-store-spikes" height={220} rows={data?.storeSpikes ?? []} columns={[
        { field: 'ka', headerName: t('hq.cols.ka'), width: 70 }, { field: 'store', headerName: t('hq.cols.store'), width: 100 }, { field: 'store_name', headerName: t('hq.cols.name'), width: 160 },
        { field: 'region', headerName: t('hq.cols.region'), width: 80 }, { field: 'distributor', headerName: t('hq.cols.distributor'), width: 200 },
        moneyCol('sales_fen', t('hq.cols.sales')), moneyCol('usual_fen', t('hq.cols.usual')), { field: 'timesUsual', headerName: t('hq.cols.times'), width: 80, type: 'rightAligned' },
      ]} />
    </section>
  );
}
