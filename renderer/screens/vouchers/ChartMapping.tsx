import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { DataGrid, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { useHost } from '../../host/host-context';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';

type MappingRow = ServiceResult<'vouchers.mapping'>['rows'][number];
type Mapping = NonNullable<MappingRow['mapping']>;
const CUSTOMER_SOURCES = ['none', 'ka', 'store'] as const;
const EMPTY: Mapping = { glCode: '', glName: '', auxCustomer: 'none', auxSupplier: false, auxDepartment: false };

/**
 * 科目对照: each ka-settle account and the company's 科目代码, name and 核算项目 it goes to. Proposals (企业会计准则, or
 * the sub-accounts of the GL's own imported chart) stay proposals until someone accepts them; the GL's chart is
 * imported from its own export.
 */
export function ChartMapping({ period }: { period?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const view = useQuery('vouchers.mapping', period ? { period } : {});
  const { act, error, setError } = useAction();
  const [editing, setEditing] = useState<MappingRow | null>(null);
  const [form, setForm] = useState<Mapping>(EMPTY);
  const [done, setDone] = useState('');
  const open = (r: MappingRow) => {
    setEditing(r);
    setForm(r.mapping ?? EMPTY);
    setError(null);
  };
  const name = (r: MappingRow) => (i18n.language.startsWith('en') ? r.nameEn : r.nameZh);
  const rows = view.data?.rows ?? [];
  const yes = (v: unknown) => (v ? '✓' : '');
  const aux = (r: Row, f: 'auxCustomer' | 'auxSupplier' | 'auxDepartment') => (r.mapping as Mapping | null)?.[f];

  const acceptAll = async () => {
    const r = await act('vouchers.acceptProposals', {});
    if (r) setDone(t('vouchers.mapping.accepted', { count: r.accepted }));
    view.reload();
  };
  const save = async () => {
    if (!editing) return;
    const r = await act('vouchers.setMapping', { account: editing.account, ...form });
    if (r) {
      setDone(t('vouchers.mapping.saved', { account: name(editing), code: r.glCode, name: r.glName }));
      setEditing(null);
      view.reload();
    }
  };
  const importChart = async (file: File | undefined) => {
    if (!file) return;
    const r = await act('vouchers.importChart', { path: await host.stageFile(file) });
    if (r) setDone(t('vouchers.mapping.chartImported', { accounts: r.accounts, leaves: r.leaves }));
    view.reload();
  };

  return (
    <section className="chart-mapping" data-testid="chart-mapping" aria-labelledby="chart-mapping-title">
      <h2 id="chart-mapping-title">{t('vouchers.mapping.title')}</h2>
      <p className="muted">{t('vouchers.mapping.intro')}</p>
      <div className="row actions">
        <button type="button" className="primary" onClick={acceptAll} disabled={!rows.some((r) => r.state === 'proposed')} data-testid="mapping-accept-all">{t('vouchers.mapping.acceptAll')}</button>
        <label className="button">{t('vouchers.mapping.chart')}
          <input type="file" hidden accept=".xlsx,.xls,.csv" data-testid="mapping-chart-file" onChange={(e) => void importChart(e.target.files?.[0])} />
        </label>
        <span className="muted small" data-testid="mapping-chart-status">
          {view.data?.chart.accounts ? t('vouchers.mapping.chartImported', view.data.chart) : t('vouchers.mapping.chartNone')}
        </span>
      </div>
      <ErrorNotice error={view.error ?? (error && !error.field ? error : null)} onClose={() => setError(null)} />
      {done && <p className="notice ok" role="status" data-testid="mapping-message">{done}</p>}
      <DataGrid testId="mapping-grid" height="auto" rows={rows as unknown as Row[]} rowId={(r) => String(r.account)} selectedId={editing?.account ?? null}
        onOpen={(r) => open(r as unknown as MappingRow)} columns={[
          // the book's account by its name (应收账款-KA), never its internal code (ar_ka)
          { field: 'account', headerName: t('vouchers.mapping.account'), width: 220, valueFormatter: (x) => (x.data ? name(x.data as unknown as MappingRow) : '') },
          { field: 'state', headerName: t('vouchers.mapping.state'), width: 90, valueFormatter: (x) => t(`mappingStates.${String(x.value)}`),
            cellClass: (x) => (x.value === 'confirmed' ? 'ok' : x.value === 'proposed' ? 'muted' : 'neg') },
          { colId: 'glCode', headerName: t('vouchers.mapping.glCode'), width: 110, valueGetter: (x) => (x.data?.mapping as Mapping | null)?.glCode ?? '' },
          { colId: 'glName', headerName: t('vouchers.mapping.glName'), flex: 1, minWidth: 180, valueGetter: (x) => (x.data?.mapping as Mapping | null)?.glName ?? '' },
          { colId: 'customer', headerName: t('vouchers.mapping.customer'), width: 90, valueGetter: (x) => (x.data && aux(x.data, 'auxCustomer') && aux(x.data, 'auxCustomer') !== 'none' ? t(`customerSources.${String(aux(x.data, 'auxCustomer'))}`) : '') },
          { colId: 'supplier', headerName: t('vouchers.mapping.supplier'), width: 80, valueGetter: (x) => (x.data ? yes(aux(x.data, 'auxSupplier')) : '') },
          { colId: 'department', headerName: t('vouchers.mapping.department'), width: 70, valueGetter: (x) => (x.data ? yes(aux(x.data, 'auxDepartment')) : '') },
          ...(period ? [{ field: 'entries', headerName: t('vouchers.mapping.entries'), width: 90, type: 'rightAligned' }] : []),
        ]} />
      {editing && (
        <form className="form-grid" data-testid="mapping-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <h3>{t('vouchers.mapping.edit', { account: '', name: name(editing) })}</h3>
          <Field label={t('vouchers.mapping.glCode')} error={errorFor(error, 'glCode')}>
            <input value={form.glCode} onChange={(e) => setForm({ ...form, glCode: e.target.value })} data-testid="mapping-code" />
          </Field>
          <Field label={t('vouchers.mapping.glName')} error={errorFor(error, 'glName')}>
            <input value={form.glName} onChange={(e) => setForm({ ...form, glName: e.target.value })} data-testid="mapping-name" />
          </Field>
          <Field label={t('vouchers.mapping.customer')} error={errorFor(error, 'aux')}>
            <select value={form.auxCustomer} onChange={(e) => setForm({ ...form, auxCustomer: e.target.value as Mapping['auxCustomer'] })} data-testid="mapping-customer">
              {CUSTOMER_SOURCES.map((c) => <option key={c} value={c}>{t(`customerSources.${c}`)}</option>)}
            </select>
          </Field>
          <label className="check"><input type="checkbox" checked={form.auxSupplier} onChange={(e) => setForm({ ...form, auxSupplier: e.target.checked })} data-testid="mapping-supplier" />{t('vouchers.mapping.supplier')}</label>
          <label className="check"><input type="checkbox" checked={form.auxDepartment} onChange={(e) => setForm({ ...form, auxDepartment: e.target.checked })} data-testid="mapping-department" />{t('vouchers.mapping.department')}</label>
          <button type="submit" className="primary" disabled={!form.glCode.trim()} data-testid="mapping-save">{t('vouchers.mapping.save')}</button>
          {editing.proposal && <button type="button" onClick={() => setForm(editing.proposal!)} data-testid="mapping-use-proposal">{t('vouchers.mapping.useProposal')}</button>}
          <button type="button" className="link" onClick={() => setEditing(null)}>{t('app.close')}</button>
        </form>
      )}
    </section>
  );
}
