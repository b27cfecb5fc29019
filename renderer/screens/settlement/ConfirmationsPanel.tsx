import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { formatTimestamp } from '../../format/dates';
import { useAction } from '../../host/use-action';

/** 回签: the manufacturer's and each KA's answer to the statement, recorded against its hash; a dispute needs reasons. */
export function ConfirmationsPanel({ period, distributor, kas, confirmations, onRecorded }: {
  period: string; distributor: string; kas: string[]; confirmations: Row[]; onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const { act, error, setError } = useAction();
  const [party, setParty] = useState('manufacturer');
  const [result, setResult] = useState<'confirmed' | 'disputed'>('confirmed');
  const [reasons, setReasons] = useState('');
  const record = async () => {
    const ka = party.startsWith('ka:') ? party.slice(3) : undefined;
    const r = await act('statement.confirm', { period, distributor, party: ka ? 'ka' : 'manufacturer', ...(ka ? { ka } : {}), result, ...(reasons.trim() ? { reasons: reasons.trim() } : {}) });
    if (r) {
      setReasons('');
      onRecorded();
    }
  };
  return (
    <section aria-label={t('settlement.confirmations')} data-testid="confirmations">
      <h4>{t('settlement.confirmations')}</h4>
      {confirmations.length > 0 && (
        <DataGrid height="auto" rows={confirmations} columns={[
          { field: 'party', headerName: t('settlement.party'), width: 110, valueFormatter: (p) => (p.value === 'manufacturer' ? t('settlement.manufacturer') : 'KA') },
          { field: 'ka', headerName: 'KA', width: 80 },
          { field: 'result', headerName: t('settlement.result'), width: 100, valueFormatter: (p) => t(`settlement.results.${p.value as string}`) },
          { field: 'reasons', headerName: t('settlement.reasons'), flex: 1 },
          { field: 'recordedBy', headerName: t('settlement.recordedBy'), width: 110 },
          { field: 'recordedAt', headerName: t('audit.at'), width: 150, valueFormatter: (p) => formatTimestamp(p.value as string) },
        ]} />
      )}
      <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void record(); }}>
        <Field label={t('settlement.party')}>
          <select value={party} onChange={(e) => setParty(e.target.value)} data-testid="confirm-party">
            <option value="manufacturer">{t('settlement.manufacturer')}</option>
            {kas.map((k) => <option key={k} value={`ka:${k}`}>KA {k}</option>)}
          </select>
        </Field>
        <Field label={t('settlement.result')}>
          <select value={result} onChange={(e) => setResult(e.target.value as 'confirmed' | 'disputed')} data-testid="confirm-result">
            <option value="confirmed">{t('settlement.results.confirmed')}</option>
            <option value="disputed">{t('settlement.results.disputed')}</option>
          </select>
        </Field>
        <Field label={t('settlement.reasons')} error={errorFor(error, '--reason')} wide>
          <input value={reasons} onChange={(e) => setReasons(e.target.value)} data-testid="confirm-reasons" />
        </Field>
        <button type="submit" className="primary" data-testid="confirm-record">{t('settlement.record')}</button>
      </form>
      {error && !errorFor(error, '--reason') && <ErrorNotice error={error} onClose={() => setError(null)} />}
    </section>
  );
}
