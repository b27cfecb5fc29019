import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { DataGrid, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatPrice } from '../../format/amount';
import { useQuery } from '../../host/use-query';
import { useWords, type WireMessage } from '../../i18n/words';

/** The channel-conflict watch (窜货): regional price gaps and order spikes, each with what triggered it, prices in yuan. */
export function WatchTab() {
  const { t } = useTranslation();
  const { say } = useWords();
  const watch = useQuery('credit.watch', {});
  const w = watch.data as unknown as { priceGaps: Row[]; orderSpikes: Row[] } | null;
  const price = (p: { value: unknown }) => (typeof p.value === 'number' ? `¥${formatPrice(p.value)}` : '');
  const finding: ColDef<Row> = { field: 'finding', headerName: t('credit.finding'), flex: 1, minWidth: 320, valueFormatter: (p) => say(p.value as WireMessage), tooltipValueGetter: (p) => say(p.value as WireMessage) };
  return (
    <section>
      <ErrorNotice error={watch.error} />
      <h3>{t('credit.priceGaps')}</h3>
      <DataGrid testId="price-gaps" gridId="watch-gaps" height="auto" rows={w?.priceGaps ?? []} columns={[
        { field: 'ka', headerName: 'KA', width: 70, pinned: 'left' }, { field: 'sku', headerName: t('fields.sku'), width: 100, pinned: 'left' },
        { field: 'region_a', headerName: t('credit.regionA'), width: 90 }, { field: 'price_a_e4', headerName: t('credit.priceA'), width: 100, type: 'rightAligned', valueFormatter: price },
        { field: 'region_b', headerName: t('credit.regionB'), width: 90 }, { field: 'price_b_e4', headerName: t('credit.priceB'), width: 100, type: 'rightAligned', valueFormatter: price },
        { field: 'gapPercent', headerName: t('credit.gap'), width: 80, type: 'rightAligned', valueFormatter: (p) => `${String(p.value)}%` },
        { field: 'from_date', headerName: t('credit.from'), width: 110 }, { field: 'to_date', headerName: t('credit.to'), width: 110 }, finding,
      ]} />
      <h3>{t('credit.orderSpikes')}</h3>
      <DataGrid testId="order-spikes" gridId="watch-spikes" height="auto" rows={w?.orderSpikes ?? []} columns={[
        { field: 'doc_date', headerName: t('credit.date'), width: 105, pinned: 'left' }, { field: 'ka', headerName: 'KA', width: 70, pinned: 'left' },
        { field: 'store', headerName: t('fields.storeCode'), width: 90 }, { field: 'city', headerName: t('fields.city'), width: 80 },
        { field: 'delivery_no', headerName: t('credit.deliveryNo'), width: 130 }, { field: 'sku', headerName: t('fields.sku'), width: 100 },
        { field: 'cases', headerName: t('credit.cases'), width: 80, type: 'rightAligned' }, { field: 'usual_cases', headerName: t('credit.usualCases'), width: 100, type: 'rightAligned' },
        { field: 'times', headerName: t('credit.times'), width: 80, type: 'rightAligned', valueFormatter: (p) => `×${String(p.value)}` }, finding,
      ]} />
    </section>
  );
}
