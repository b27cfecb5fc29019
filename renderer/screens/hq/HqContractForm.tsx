import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { useAction } from '../../host/use-action';
import { parseTiers } from './hq-format';

/** 全国联采合同: a national contract with a chain, its year and tiers on the chain's whole base (KA manager). */
export function HqContractForm({ periods, onSaved }: { periods: string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const { act, error, setError } = useAction();
  const [f, setF] = useState({ code: '', ka: '', name: '', yearFrom: periods[0] ?? '', mode: 'whole' as 'whole' | 'progressive', tiers: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const save = async () => {
    const tiers = parseTiers(f.tiers);
    if (!tiers) return setError({ code: 'invalid-field', message: t('hq.tiersFormat'), field: 'tiers' });
    if (await act('hq.saveContract', { code: f.code, ka: f.ka, name: f.name, yearFrom: f.yearFrom, months: 12, mode: f.mode, tiers })) onSaved();
  };
  return (
    <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="hq-contract-form">
      <Field label={t('hq.contractCode')} error={errorFor(error, 'code')}><input value={f.code} onChange={set('code')} data-testid="hq-contract-code" /></Field>
      <Field label={t('hq.cols.ka')} error={errorFor(error, 'ka')}><input value={f.ka} onChange={set('ka')} size={6} data-testid="hq-contract-ka" /></Field>
      <Field label={t('hq.cols.name')} error={errorFor(error, 'name')}><input value={f.name} onChange={set('name')} data-testid="hq-contract-name" /></Field>
      <Field label={t('hq.yearFrom')} error={errorFor(error, 'yearFrom')}><input value={f.yearFrom} onChange={set('yearFrom')} size={8} data-testid="hq-contract-from" /></Field>
      <Field label={t('hq.mode')}>
        <select value={f.mode} onChange={set('mode')} data-testid="hq-contract-mode"><option value="whole">{t('hq.modes.whole')}</option><option value="progressive">{t('hq.modes.progressive')}</option></select>
      </Field>
      <Field label={t('hq.tiers')} error={errorFor(error, 'tiers')} wide><input value={f.tiers} onChange={set('tiers')} placeholder="0:1%, 1000000:2%" data-testid="hq-contract-tiers" /></Field>
      <button type="submit" className="primary" disabled={!f.code || !f.ka || !f.name || !f.tiers} data-testid="hq-contract-save">{t('hq.saveContract')}</button>
      {error && !error.field && <ErrorNotice error={error} onClose={() => setError(null)} />}
    </form>
  );
}
