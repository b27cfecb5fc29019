import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceError } from '../../../contract/service-contract';
import { DateInput } from '../../components/DateInput';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { formatFen, formatPrice } from '../../format/amount';
import { percentToPpm, yuanToFen, yuanToPriceE4 } from '../../format/parse-input';
import { formatPpm } from '../../format/rate';
import { useHost } from '../../host/host-context';
import { MASTER_FIELDS, setPath, type FieldSpec } from './master-fields';
import { RowsTable, type ColumnSpec } from './RowsTable';
import { DELIVERY_COST_METHODS, FEE_TYPES } from '../../../vocabulary/index.js';

const FEE_TYPE_OPTIONS: string[] = [...FEE_TYPES];

/** The tables a form carries besides its fields: contract tiers and fee responsibility, promotion products. */
const TABLES: Record<string, { key: string; label: string; columns: ColumnSpec[] }[]> = {
  contracts: [
    { key: 'rebate.tiers', label: 'terms.tiers', columns: [{ key: 'threshold', label: 'terms.threshold', kind: 'yuan', width: 14 }, { key: 'rate', label: 'master.ratePercent', kind: 'percent', width: 6 }] },
    { key: 'feeTerms', label: 'master.feeTerms', columns: [
      { key: 'feeType', label: 'fees.feeType', kind: { options: FEE_TYPE_OPTIONS } }, { key: 'allowed', label: 'master.allowed', kind: 'bool' },
      { key: 'manufacturerShare', label: 'master.manufacturerSharePercent', kind: 'percent', width: 6 }, { key: 'maxPoints', label: 'master.maxPointsPercent', kind: 'percent', width: 6 },
      { key: 'maxAmount', label: 'master.maxAmountYuan', kind: 'yuan', width: 10 },
    ] },
    { key: 'deliveryCost', label: 'terms.deliveryCost', columns: [
      { key: 'region', label: 'fields.region', kind: 'text', width: 8 }, { key: 'method', label: 'terms.method', kind: { options: [...DELIVERY_COST_METHODS] } },
      { key: 'rate', label: 'master.ratePercent', kind: 'percent', width: 6 }, { key: 'amount', label: 'master.amountYuan', kind: 'yuan', width: 8 },
      { key: 'monthlyFloor', label: 'master.floorYuan', kind: 'yuan', width: 8 }, { key: 'monthlyCap', label: 'master.capYuan', kind: 'yuan', width: 8 },
    ] },
  ],
  promotions: [
    { key: 'products', label: 'master.products', columns: [{ key: 'sku', label: 'fields.sku', kind: 'text', width: 8 }, { key: 'normalPrice', label: 'fields.normalPrice', kind: 'price', width: 8 }, { key: 'promoPrice', label: 'fields.promoPrice', kind: 'price', width: 8 }] },
  ],
};

type Typed = Record<string, string | boolean>;

/** A typed value → the book's value; undefined when empty, an Error naming the problem when it is not a value. */
function convert(kind: FieldSpec['kind'] | ColumnSpec['kind'], text: string | boolean): unknown {
  if (typeof text === 'boolean') return text;
  const v = text.trim();
  if (v === '') return undefined;
  const number = (n: number | null) => (n === null ? new Error('not a number') : n);
  if (kind === 'int') return /^\d+$/.test(v) ? Number(v) : new Error('a whole number');
  if (kind === 'yuan') return number(yuanToFen(v));
  if (kind === 'price') return number(yuanToPriceE4(v));
  if (kind === 'percent') return number(percentToPpm(v));
  if (kind === 'list') return v.split(/[,，\s]+/).filter(Boolean);
  return v;
}

/** A book value back to what a person would type: fen → "12.34", ppm → "2.5", lists → "a, b". */
/**
 * A value as its field shows it. A choice with nothing chosen yet shows — and holds — its first option, so the form
 * saves exactly what it displays (a select drawn as 直营结算 never sends an empty value).
 */
function display(kind: FieldSpec['kind'] | ColumnSpec['kind'], value: unknown): string | boolean {
  if ((value === null || value === undefined || value === '') && typeof kind === 'object') return kind.options[0] ?? '';
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value;
  if (kind === 'yuan' && typeof value === 'number') return formatFen(value, { symbol: false }).replace(/,/g, '');
  if (kind === 'price' && typeof value === 'number') return formatPrice(value);
  if (kind === 'percent' && typeof value === 'number') return formatPpm(value).replace('%', '');
  if (kind === 'list' && Array.isArray(value)) return value.join(', ');
  return String(value);
}

function getPath(record: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((at, p) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[p] : undefined), record);
}

/**
 * A master-data record in a form: new, or (given `initial`, the record as last entered) changed — its code and
 * identity then read-only. Fields are checked by the book's own schemas and each error is shown beside its field.
 */
export function MasterForm({ entity, kas, initial, onSaved, onCancel }: {
  entity: string; kas: { code: string; name: string }[]; initial?: Record<string, unknown>; onSaved: (key: string, outcome: string) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const host = useHost();
  const fields = MASTER_FIELDS[entity] ?? [];
  const [values, setValues] = useState<Typed>(() => Object.fromEntries(fields.map((f) => [f.key, display(f.kind, initial ? getPath(initial, f.key) : undefined)])));
  const [tables, setTables] = useState<Record<string, Typed[]>>(() => Object.fromEntries((TABLES[entity] ?? []).map((table) => [table.key,
    ((initial ? getPath(initial, table.key) : []) as Record<string, unknown>[] | undefined ?? []).map((row) => Object.fromEntries(table.columns.map((c) => [c.key, display(c.kind, row[c.key])]))),
  ])));
  const editing = initial !== undefined;
  const identity = new Set(['code', 'sku', 'storeCode', ...(entity === 'stores' || entity === 'contracts' ? ['kaCode'] : []), ...(entity === 'contracts' ? ['manufacturerCode'] : [])]);
  const [error, setError] = useState<ServiceError | null>(null);

  const save = async () => {
    const record: Record<string, unknown> = {};
    for (const f of fields) {
      const v = convert(f.kind, values[f.key] ?? '');
      if (v instanceof Error) return setError({ code: 'invalid-field', message: t('master.notANumber'), field: f.key });
      if (v !== undefined) setPath(record, f.key, v);
    }
    // Fields the form does not show (a contract's delivery-cost rules) keep what the book holds.
    if (initial) for (const [k, v] of Object.entries(initial)) if (!(k in record) && !fields.some((f) => f.key.startsWith(`${k}.`))) record[k] = v;
    if (initial && entity === 'contracts') record.rebate = { ...(initial.rebate as object), ...(record.rebate as object) };
    for (const table of TABLES[entity] ?? []) {
      const rows: Record<string, unknown>[] = [];
      for (const [i, row] of (tables[table.key] ?? []).entries()) {
        const out: Record<string, unknown> = {};
        for (const c of table.columns) {
          const v = convert(c.kind, row[c.key] ?? '');
          if (v instanceof Error) return setError({ code: 'invalid-field', message: t('master.notANumber'), field: `${table.key}.${i}.${c.key}` });
          // An empty amount or rate cell is "none" (null), as the book keeps it, not a missing key.
          if (v !== undefined) out[c.key] = v;
          else if (c.kind === 'yuan' || c.kind === 'price' || c.kind === 'percent') out[c.key] = null;
        }
        rows.push(out);
      }
      setPath(record, table.key, rows);
    }
    try {
      const r = await host.call('master.save', { entity: entity as 'stores', record, mode: editing ? 'update' : 'create' });
      onSaved(r.key, r.outcome);
    } catch (e) {
      setError(asServiceError(e));
    }
  };

  const input = (f: FieldSpec) => {
    const value = String(values[f.key] ?? '');
    const set = (v: string) => setValues({ ...values, [f.key]: v });
    if (f.kind === 'date') return <DateInput label={t(f.label)} value={value} onChange={set} testId={`form-${f.key}`} />;
    let control;
    if (f.kind === 'ka') control = <select value={value} onChange={(e) => set(e.target.value)} data-testid={`form-${f.key}`} disabled={editing && identity.has(f.key)}><option value="" />{kas.map((k) => <option key={k.code} value={k.code}>{k.code} {k.name}</option>)}</select>;
    else if (typeof f.kind === 'object') control = <select value={value} onChange={(e) => set(e.target.value)} data-testid={`form-${f.key}`}>{f.kind.options.map((o) => <option key={o} value={o}>{t(`master.options.${o}`)}</option>)}</select>;
    else control = <input value={value} onChange={(e) => set(e.target.value)} data-testid={`form-${f.key}`} inputMode={f.kind === 'text' || f.kind === 'list' ? 'text' : 'decimal'} aria-required={f.required} readOnly={editing && identity.has(f.key)} />;
    return <Field label={`${t(f.label)}${f.required ? ' *' : ''}${f.kind === 'percent' ? ' (%)' : f.kind === 'yuan' || f.kind === 'price' ? ' (¥)' : ''}`} error={errorFor(error, f.key)}>{control}</Field>;
  };

  return (
    <form className="master-form" data-testid="master-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h3>{editing ? t('master.editing', { key: String(initial?.code ?? initial?.sku ?? `${String(initial?.kaCode)}/${String(initial?.storeCode)}`) }) : t('master.new', { what: t(`master.entities.${entity}`) })}</h3>
      <div className="form-grid">
        {fields.map((f) => <div key={f.key}>{input({ ...f, kind: typeof f.kind === 'object' ? f.kind : f.kind })}</div>)}
      </div>
      {(TABLES[entity] ?? []).map((table) => (
        <div key={table.key}>
          <h4>{t(table.label)}</h4>
          <RowsTable testId={`table-${table.key.replace('.', '-')}`} columns={table.columns} rows={tables[table.key] ?? []} error={errorFor(error, table.key)}
            onChange={(rows) => setTables({ ...tables, [table.key]: rows })} />
        </div>
      ))}
      {error && !fields.some((f) => errorFor(error, f.key)) && !(TABLES[entity] ?? []).some((x) => errorFor(error, x.key)) && <ErrorNotice error={error} onClose={() => setError(null)} />}
      <div className="row">
        <button type="submit" className="primary" data-testid="master-save">{t('reconcile.save')}</button>
        <button type="button" onClick={onCancel}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}
