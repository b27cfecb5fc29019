import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid } from '../../components/DataGrid';
import { DateInput } from '../../components/DateInput';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';
import { useWords, type WireMessage } from '../../i18n/words';

/** KA accounts a delivery would be warned about or held for, and the credit controller's release until a date. */
export function HoldsTab({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const { say } = useWords();
  const list = useQuery('credit.holds', { asOf });
  const { act, error, setError } = useAction();
  const [ka, setKa] = useState<string | null>(null);
  const [until, setUntil] = useState(asOf);
  const [reason, setReason] = useState('');
  const release = async () => {
    if (ka && (await act('credit.overrideHold', { ka, until, reason }))) list.reload();
  };
  return (
    <section>
      <ErrorNotice error={list.error ?? error} onClose={() => setError(null)} />
      {list.data?.rows.length === 0 && <p className="muted">{t('credit.noHolds')}</p>}
      <DataGrid testId="holds-grid" height="auto" rows={list.data?.rows ?? []} onOpen={(r) => setKa(String(r.ka))} columns={[
        { field: 'ka', headerName: 'KA', width: 70 }, { field: 'name', headerName: t('fields.name'), width: 120 },
        { field: 'level', headerName: t('credit.level'), width: 90, valueFormatter: (p) => t(`credit.levels.${p.value as string}`) },
        { field: 'reasons', headerName: t('credit.reasons'), flex: 1, minWidth: 300, valueFormatter: (p) => ((p.value as WireMessage[] | undefined) ?? []).map(say).join('；') },
        { field: 'overrideUntil', headerName: t('credit.releasedUntil'), width: 120 }, { field: 'overrideBy', headerName: t('credit.releasedBy'), width: 100 },
      ]} />
      {ka && (
        <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void release(); }}>
          <span>{t('credit.release', { ka })}</span>
          <DateInput label={t('credit.until')} value={until} onChange={setUntil} />
          <Field label={t('settlement.reason')}><input value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
          <button type="submit" className="primary" disabled={!reason.trim()}>{t('credit.releaseBtn')}</button>
        </form>
      )}
    </section>
  );
}

