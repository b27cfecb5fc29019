import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, isIsoDateOrEmpty } from '../../components/DateInput';
import { DELIVERY_STATUSES } from '../../../vocabulary/index.js';

export interface Filters { from: string; to: string; ka: string; status: string; store: string; sku: string; dateFrom: string; dateTo: string }

export const STATUSES = ['unmatched', ...DELIVERY_STATUSES] as const;

/** The workbench's filter: months, KA, status, store, product, dates. Applied with Enter or the button. */
export function FilterBar({ value, periods, kas, onApply }: {
  value: Filters; periods: string[]; kas: { code: string; name: string }[]; onApply: (f: Filters) => void;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState(value);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const apply = (next: Filters) => onApply(next.from > next.to ? { ...next, to: next.from } : next);
  return (
    <form className="filter-bar" data-testid="filter-bar" onSubmit={(e) => {
      e.preventDefault();
      if (isIsoDateOrEmpty(f.dateFrom) && isIsoDateOrEmpty(f.dateTo)) apply(f);
    }}>
      <label>{t('reconcile.from')}<select value={f.from} onChange={set('from')} data-testid="filter-from">{periods.map((p) => <option key={p}>{p}</option>)}</select></label>
      <label>{t('reconcile.to')}<select value={f.to} onChange={set('to')} data-testid="filter-to">{periods.map((p) => <option key={p}>{p}</option>)}</select></label>
      <label>{t('reconcile.ka')}
        <select value={f.ka} onChange={set('ka')} data-testid="filter-ka">
          <option value="">{t('reconcile.allKa')}</option>
          {kas.map((k) => <option key={k.code} value={k.code}>{k.code} {k.name}</option>)}
        </select>
      </label>
      <label>{t('reconcile.status')}
        <select value={f.status} onChange={set('status')} data-testid="filter-status">
          <option value="">{t('reconcile.allStatus')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{s === 'unmatched' ? t('home.unmatched') : t(`status.${s}`)}</option>)}
        </select>
      </label>
      <label>{t('reconcile.store')}<input value={f.store} onChange={set('store')} size={8} data-testid="filter-store" /></label>
      <label>{t('reconcile.sku')}<input value={f.sku} onChange={set('sku')} size={8} data-testid="filter-sku" /></label>
      <DateInput label={t('reconcile.dateFrom')} value={f.dateFrom} onChange={(v) => setF({ ...f, dateFrom: v })} testId="filter-date-from" />
      <DateInput label={t('reconcile.dateTo')} value={f.dateTo} onChange={(v) => setF({ ...f, dateTo: v })} testId="filter-date-to" />
      <button type="submit" className="primary" data-testid="filter-apply">{t('reconcile.apply')}</button>
      <button type="button" onClick={() => {
        const cleared = { ...f, ka: '', status: '', store: '', sku: '', dateFrom: '', dateTo: '' };
        setF(cleared);
        apply(cleared);
      }}>{t('reconcile.clear')}</button>
    </form>
  );
}
