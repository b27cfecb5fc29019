import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';
import { CreditHistory } from './CreditHistory';
import { useWords, type WireMessage } from '../../i18n/words';

/** Exposure, limit and grade of every KA account and distributor, with the grade's reasons; a limit set with a reason. */
export function ExposureTab({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const { say } = useWords();
  const list = useQuery('credit.exposure', { asOf });
  const { act, error, setError } = useAction();
  const [party, setParty] = useState('');
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [limit, setLimit] = useState('');
  const [reason, setReason] = useState('');
  const save = async () => {
    const yuan = /^\d+(\.\d{1,2})?$/.exec(limit.trim());
    if (!yuan) return setError({ code: 'invalid-field', message: t('credit.limitFormat'), field: 'limitFen' });
    const [whole, frac = ''] = limit.trim().split('.');
    if (await act('credit.setLimit', { party, limitFen: Number(whole) * 100 + Number(frac.padEnd(2, '0')), reason })) list.reload();
  };
  return (
    <section>
      <ErrorNotice error={list.error} />
      <DataGrid testId="exposure-grid" gridId="exposure" totals={false} rows={list.data?.rows ?? []} onOpen={(r) => { setParty(String(r.code)); setHistoryOf(`${String(r.entity)}:${String(r.code)}`); }} columns={[
        { field: 'entity', headerName: t('credit.entity'), width: 90, pinned: 'left', valueFormatter: (p) => t(`credit.entities.${p.value as string}`) },
        { field: 'code', headerName: t('fields.code'), width: 80, pinned: 'left' },
        { field: 'name', headerName: t('fields.name'), width: 150 },
        moneyCol('openReceivables', t('credit.openReceivables')),
        moneyCol('notYetReceived', t('credit.notYetReceived')),
        moneyCol('owedByManufacturer', t('credit.owedByManufacturer')),
        moneyCol('net', t('credit.net')),
        moneyCol('limit', t('credit.limit')),
        moneyCol('headroom', t('credit.headroom')),
        { headerName: t('credit.grade'), width: 70, valueGetter: (p) => (p.data?.grade as { grade?: string } | undefined)?.grade ?? '' },
        { headerName: t('credit.reasons'), flex: 1, minWidth: 260, valueGetter: (p) => ((p.data?.grade as { measures?: { reason: WireMessage }[] } | undefined)?.measures ?? []).map((m) => say(m.reason)).join('；') },
      ]} />
      <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Field label={t('credit.party')} error={errorFor(error, 'party')}><input value={party} onChange={(e) => setParty(e.target.value)} data-testid="limit-party" /></Field>
        <Field label={t('credit.limitYuan')} error={errorFor(error, 'limitFen')}><input value={limit} onChange={(e) => setLimit(e.target.value)} inputMode="decimal" data-testid="limit-amount" /></Field>
        <Field label={t('settlement.reason')} error={errorFor(error, 'reason')}><input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="limit-reason" /></Field>
        <button type="submit" className="primary" disabled={!party || !limit || !reason.trim()}>{t('credit.setLimit')}</button>
      </form>
      {error && !error.field && <ErrorNotice error={error} onClose={() => setError(null)} />}
      {historyOf && <CreditHistory key={historyOf} party={historyOf} />}
    </section>
  );
}

