import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceError } from '../../../contract/service-contract';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { DateInput } from '../../components/DateInput';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { Money } from '../../components/Money';
import { Tabs } from '../../components/Tabs';
import { todayIso } from '../../format/dates';
import { useHost } from '../../host/host-context';
import { useQuery } from '../../host/use-query';
import { AgeingChart } from './AgeingChart';

/** KA accounts a delivery would be warned about or held for, and the credit controller's release until a date. */
export function HoldsTab({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const host = useHost();
  const list = useQuery('credit.holds', { asOf });
  const [ka, setKa] = useState<string | null>(null);
  const [until, setUntil] = useState(asOf);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ServiceError | null>(null);
  const release = async () => {
    if (!ka) return;
    try {
      await host.call('credit.overrideHold', { ka, until, reason });
      setError(null);
      list.reload();
    } catch (e) {
      setError(asServiceError(e));
    }
  };
  return (
    <section>
      <ErrorNotice error={list.error ?? error} onClose={() => setError(null)} />
      {list.data?.rows.length === 0 && <p className="muted">{t('credit.noHolds')}</p>}
      <DataGrid testId="holds-grid" height="auto" rows={list.data?.rows ?? []} onOpen={(r) => setKa(String(r.ka))} columns={[
        { field: 'ka', headerName: 'KA', width: 70 }, { field: 'name', headerName: t('fields.name'), width: 120 },
        { field: 'level', headerName: t('credit.level'), width: 90, valueFormatter: (p) => t(`credit.levels.${p.value as string}`) },
        { field: 'reasons', headerName: t('credit.reasons'), flex: 1, minWidth: 300 },
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

