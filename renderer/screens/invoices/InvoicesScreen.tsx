import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { Tabs } from '../../components/Tabs';
import { todayIso } from '../../format/dates';
import { useKaAccounts } from '../../host/use-ka-accounts';
import { EnterInvoiceTab } from './EnterInvoiceTab';
import { MatchTab } from './MatchTab';
import { ToInvoiceTab } from './ToInvoiceTab';

type Tab = 'match' | 'toInvoice' | 'enter';

/** 发票: the three-way match by KA and month with its differences, the invoices still to make, a paper invoice by hand. */
export function InvoicesScreen({ periods, workMonth, params }: { periods: string[]; workMonth: string; params: Record<string, string> }) {
  const { t } = useTranslation();
  const kas = useKaAccounts();
  const [tab, setTab] = useState<Tab>((params.tab as Tab) ?? 'match');
  const [period, setPeriod] = useState(params.period ?? workMonth);
  const [ka, setKa] = useState(params.ka ?? '');
  const [asOf, setAsOf] = useState(params.asOf ?? todayIso());
  return (
    <main className="screen" aria-labelledby="invoices-title">
      <div className="screen-head">
        <h1 id="invoices-title">{t('areas.invoices')}</h1>
        {tab !== 'enter' && (
          <>
            <label className="inline">{t('invoicing.month')}
              <select value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="invoices-period">{periods.map((p) => <option key={p}>{p}</option>)}</select>
            </label>
            <label className="inline">{t('invoicing.ka')}
              <select value={ka} onChange={(e) => setKa(e.target.value)} data-testid="invoices-ka">
                <option value="">{t('invoicing.allKas')}</option>
                {kas.rows.map((k) => <option key={k.code} value={k.code}>{k.name}</option>)}
              </select>
            </label>
            <DateInput label={t('home.asOf')} value={asOf} onChange={(v) => v.length === 10 && setAsOf(v)} testId="invoices-as-of" />
          </>
        )}
      </div>
      <Tabs label={t('areas.invoices')} current={tab} onChange={setTab} tabs={[
        { id: 'match', label: t('invoicing.match') }, { id: 'toInvoice', label: t('invoicing.toInvoice') }, { id: 'enter', label: t('invoicing.enter') },
      ]} />
      {period && tab === 'match' && <MatchTab key={`${period}|${ka}|${asOf}`} period={period} ka={ka} asOf={asOf} />}
      {period && tab === 'toInvoice' && <ToInvoiceTab key={`${period}|${ka}|${asOf}`} period={period} ka={ka} asOf={asOf} />}
      {tab === 'enter' && <EnterInvoiceTab />}
    </main>
  );
}
