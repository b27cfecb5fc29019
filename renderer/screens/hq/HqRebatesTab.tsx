import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatFen } from '../../format/amount';
import { useQuery } from '../../host/use-query';
import { percentOfPpm } from './hq-format';
import { HqContractForm } from './HqContractForm';

interface Contract { code: string; name: string; ka: string; from: string; to: string; baseFen: number; rateReached: number; rebateFen: number; projectedBaseFen: number; projectedRebateFen: number; allocation: Row[] }

/** 全国联采返利: each national contract on the chain's whole base, and its rebate allocated back to each distributor. */
export function HqRebatesTab({ period, periods }: { period: string; periods: string[] }) {
  const { t } = useTranslation();
  const q = useQuery('hq.rebates', period ? { period } : {});
  const contracts = ((q.data as { contracts?: Contract[] } | null)?.contracts ?? []);
  const yuan = (f: number) => formatFen(f, { symbol: true });
  return (
    <section>
      <ErrorNotice error={q.error} />
      {q.data && !contracts.length && <p className="hint">{t('hq.noContracts')}</p>}
      {contracts.map((c) => (
        <div key={c.code} data-testid={`hq-rebate-${c.code}`}>
          <p>{t('hq.contract', { code: c.code, name: c.name, ka: c.ka, from: c.from, to: c.to, base: yuan(c.baseFen), rate: percentOfPpm(c.rateReached), rebate: yuan(c.rebateFen), projected: yuan(c.projectedBaseFen), projectedRebate: yuan(c.projectedRebateFen) })}</p>
          <DataGrid height="auto" rows={c.allocation} columns={[
            { field: 'book', headerName: t('hq.cols.book'), width: 140 },
            { field: 'distributor', headerName: t('hq.cols.distributor'), width: 90 },
            { field: 'name', headerName: t('hq.cols.name'), width: 180 },
            moneyCol('baseFen', t('hq.cols.base'), { width: 150 }),
            { field: 'sharePpm', headerName: t('hq.cols.share'), width: 100, type: 'rightAligned', valueFormatter: (p) => percentOfPpm(p.value as number) },
            moneyCol('rebateFen', t('hq.cols.rebate'), { width: 140 }),
          ]} />
        </div>
      ))}
      <HqContractForm periods={periods} onSaved={q.reload} />
    </section>
  );
}
