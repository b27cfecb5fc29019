import { useTranslation } from 'react-i18next';
import { DataGrid, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useQuery } from '../../host/use-query';

/** The channel-conflict watch (窜货): regional price gaps and order spikes. */
export function WatchTab() {
  const { t } = useTranslation();
  const watch = useQuery('credit.watch', {});
  const w = watch.data as unknown as { priceGaps: Row[]; orderSpikes: Row[] } | null;
  return (
    <section>
      <ErrorNotice error={watch.error} />
      <h3>{t('credit.priceGaps')}</h3>
      <DataGrid testId="price-gaps" height="auto" rows={w?.priceGaps ?? []} columns={Object.keys(w?.priceGaps[0] ?? {}).map((k) => ({ field: k, headerName: k }))} />
      <h3>{t('credit.orderSpikes')}</h3>
      <DataGrid testId="order-spikes" height="auto" rows={w?.orderSpikes ?? []} columns={Object.keys(w?.orderSpikes[0] ?? {}).map((k) => ({ field: k, headerName: k }))} />
    </section>
  );
}

