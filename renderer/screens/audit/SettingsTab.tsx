import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceError } from '../../../contract/service-contract';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { formatFen } from '../../format/amount';
import { useHost } from '../../host/host-context';
import { useQuery } from '../../host/use-query';

/** Yuan typed by a person ("12.5") to integer fen, or null when it is not an amount. */
function yuanToFen(text: string): number | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

/** What an imported file may hold (core/import/readers/read-limits.ts): whole numbers, raised for unusually big files. */
const IMPORT_LIMITS = ['import.max_uncompressed_mb', 'import.max_rows', 'import.max_columns', 'import.max_cell_chars'];

/** 设置: tolerances, ageing buckets, holds, accrual basis and how many backups are kept; each saved on its own, checked by the book. */
export function SettingsTab() {
  const { t } = useTranslation();
  const host = useHost();
  const current = useQuery('settings.get', {});
  const [form, setForm] = useState<Record<string, string>>({});
  const [error, setError] = useState<ServiceError | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    const s = current.data?.settings;
    if (!s) return;
    setForm({
      'reconcile.amount_tolerance_fen': formatFen(s['reconcile.amount_tolerance_fen'] as number, { symbol: false }),
      'reconcile.window_days': String(s['reconcile.window_days']),
      'terms.rebate_accrual_basis': String(s['terms.rebate_accrual_basis']),
      'credit.ageing_buckets_days': (s['credit.ageing_buckets_days'] as number[]).join(', '),
      'credit.hold_mode': String(s['credit.hold_mode']),
      'backup.keep_last': String(s['backup.keep_last']),
      'credit.grading': JSON.stringify(s['credit.grading'], null, 1),
      ...Object.fromEntries(IMPORT_LIMITS.map((k) => [k, String(s[k])])),
    });
  }, [current.data]);

  const save = async (key: string) => {
    const text = form[key] ?? '';
    let value: unknown = text;
    if (key === 'reconcile.amount_tolerance_fen') value = yuanToFen(text);
    else if (key === 'reconcile.window_days' || key === 'backup.keep_last' || IMPORT_LIMITS.includes(key)) value = /^\d+$/.test(text.trim()) ? Number(text) : text;
    else if (key === 'credit.ageing_buckets_days') value = text.split(/[,，\s]+/).filter(Boolean).map(Number);
    else if (key === 'credit.grading') {
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        return setError({ code: 'invalid-field', message: t('settings.notJson'), field: key });
      }
    }
    if (value === null) return setError({ code: 'invalid-field', message: t('credit.limitFormat'), field: key });
    try {
      await host.call('settings.set', { key, value });
      setError(null);
      setSaved(t('settings.saved', { key: t(`settings.keys.${key}`) }));
      current.reload();
    } catch (e) {
      setError(asServiceError(e));
    }
  };
  const field = (key: string, input: React.ReactNode) => (
    <div className="setting" key={key}>
      <Field label={t(`settings.keys.${key}`)} error={errorFor(error, key)}>{input}</Field>
      <button type="button" data-testid={`save-${key}`} onClick={() => save(key)}>{t('reconcile.save')}</button>
    </div>
  );
  const text = (key: string) => <input value={form[key] ?? ''} onChange={(e) => setForm({ ...form, [key]: e.target.value })} data-testid={`setting-${key}`} />;
  const select = (key: string, options: string[]) => (
    <select value={form[key] ?? ''} onChange={(e) => setForm({ ...form, [key]: e.target.value })} data-testid={`setting-${key}`}>
      {options.map((o) => <option key={o} value={o}>{t(`settings.values.${o}`)}</option>)}
    </select>
  );
  return (
    <section className="settings">
      <ErrorNotice error={current.error ?? (error && !error.field ? error : null)} onClose={() => setError(null)} />
      {saved && <p className="notice ok" role="status" data-testid="settings-message">{saved}</p>}
      {field('reconcile.amount_tolerance_fen', text('reconcile.amount_tolerance_fen'))}
      {field('reconcile.window_days', text('reconcile.window_days'))}
      {field('terms.rebate_accrual_basis', select('terms.rebate_accrual_basis', ['run_rate', 'reached']))}
      {field('credit.ageing_buckets_days', text('credit.ageing_buckets_days'))}
      {field('credit.hold_mode', select('credit.hold_mode', ['off', 'warn', 'block']))}
      {field('backup.keep_last', text('backup.keep_last'))}
      {IMPORT_LIMITS.map((k) => field(k, text(k)))}
      {field('credit.grading', <textarea rows={12} cols={70} className="mono" value={form['credit.grading'] ?? ''} onChange={(e) => setForm({ ...form, 'credit.grading': e.target.value })} data-testid="setting-credit.grading" />)}
      <p className="muted small">{t('settings.signedInNote')}</p>
    </section>
  );
}
