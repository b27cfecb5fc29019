import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol } from '../../components/DataGrid';
import { DateInput } from '../../components/DateInput';
import { ErrorNotice } from '../../components/ErrorNotice';
import { todayIso } from '../../format/dates';
import { useQuery } from '../../host/use-query';
import { useWords } from '../../i18n/words';

const GROUPINGS = ['account', 'ka', 'distributor', 'period'] as const;

/** 余额: the ledger's balances (debits, credits, balance) by account, or by KA, distributor or month; they sum to zero. */
export function BalancesTab() {
  const { t } = useTranslation();
  const { label } = useWords();
  const [by, setBy] = useState<(typeof GROUPINGS)[number]>('account');
  const [asOf, setAsOf] = useState(todayIso());
  const list = useQuery('book.balances', { by, ...(asOf.length === 10 ? { asOf } : {}) });
  return (
    <section>
      <div className="filter-bar">
        <label>{t('balances.by')}<select value={by} onChange={(e) => setBy(e.target.value as typeof by)} data-testid="balances-by">
          {GROUPINGS.map((g) => <option key={g} value={g}>{t(`balances.groupings.${g}`)}</option>)}
        </select></label>
        <DateInput label={t('home.asOf')} value={asOf} onChange={setAsOf} />
      </div>
      <ErrorNotice error={list.error} />
      <DataGrid testId="balances-grid" height={480} rows={list.data?.rows ?? []} columns={[
        { field: 'account', headerName: t('audit.account'), width: 200, pinned: 'left', valueFormatter: (p) => label('accounts', p.value) },
        ...(by === 'account' ? [] : [{ field: 'group_code', headerName: t(`balances.groupings.${by}`), width: 110 }, { field: 'group_name', headerName: '', width: 140 }]),
        moneyCol('debit_fen', t('balances.debit')), moneyCol('credit_fen', t('balances.credit')), moneyCol('balance_fen', t('balances.balance')),
      ]} />
    </section>
  );
}
