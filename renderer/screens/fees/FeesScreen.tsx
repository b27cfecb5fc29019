import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Tabs } from '../../components/Tabs';
import { useQuery } from '../../host/use-query';
import { ClaimsTab } from './ClaimsTab';
import { DeductionsTab } from './DeductionsTab';
import { RemittancesTab } from '../corrections/RemittancesTab';

type Tab = 'deductions' | 'remittances' | 'claims' | 'credits';

function CreditsTab() {
  const { t } = useTranslation();
  const list = useQuery('credits.list', { limit: 1000 });
  return (
    <section>
      <ErrorNotice error={list.error} />
      <DataGrid testId="credits-grid" rows={list.data?.rows ?? []}
        columns={[
          { field: 'doc_no', headerName: t('fees.docNo'), width: 150 },
          { field: 'doc_date', headerName: t('fields.date'), width: 110 },
          { field: 'method', headerName: t('fees.method'), width: 90, valueFormatter: (p) => t(`creditMethods.${p.value as string}`, { defaultValue: (p.value as string) ?? '' }) },
          { field: 'distributor', headerName: t('fees.distributor'), width: 90 },
          moneyCol('total_fen', t('fields.amount')),
          moneyCol('cleared_fen', t('fees.cleared')),
          moneyCol('open_fen', t('fees.unapplied')),
          { field: 'cleared_docs', headerName: t('fees.clearedDocs'), flex: 1, minWidth: 200 },
        ]} />
    </section>
  );
}

/** 费用: deductions and their classification, claims to the manufacturer, and the manufacturer's credits. */
export function FeesScreen({ periods, workMonth, params }: { periods: string[]; workMonth: string; params: Record<string, string> }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(params.claims ? 'claims' : 'deductions');
  const [period, setPeriod] = useState(params.period ?? workMonth);
  return (
    <main className="screen" aria-labelledby="fees-title">
      <div className="screen-head">
        <h1 id="fees-title">{t('areas.fees')}</h1>
        {(tab === 'deductions' || tab === 'remittances') && (
          <label className="inline">{t('home.period')}
            <select value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="fees-period">{periods.map((p) => <option key={p}>{p}</option>)}</select>
          </label>
        )}
      </div>
      <Tabs label={t('areas.fees')} current={tab} onChange={setTab} tabs={[
        { id: 'deductions', label: t('fees.deductions') }, { id: 'claims', label: t('fees.claims') }, { id: 'credits', label: t('fees.credits') },
        { id: 'remittances', label: t('corrections.remittances') },
      ]} />
      {tab === 'deductions' && <DeductionsTab key={period} period={period} />}
      {tab === 'remittances' && <RemittancesTab key={period} period={period} />}
      {tab === 'claims' && <ClaimsTab initialStatus={params.claims} />}
      {tab === 'credits' && <CreditsTab />}
    </main>
  );
}
