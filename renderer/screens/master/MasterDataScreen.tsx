import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { Tabs } from '../../components/Tabs';
import { formatPrice } from '../../format/amount';
import { formatPpm } from '../../format/rate';
import { useKaAccounts } from '../../host/use-ka-accounts';
import { useQuery } from '../../host/use-query';
import { useHost } from '../../host/host-context';
import type { ServiceError } from '../../../contract/service-contract';
import { MasterForm } from './MasterForm';
import { RecordDetail } from './RecordDetail';

const ENTITIES = ['ka-accounts', 'invoicing-entities', 'stores', 'products', 'prices', 'distributors', 'contracts', 'promotions', 'manufacturers'] as const;
type Entity = (typeof ENTITIES)[number];

/** Grid columns from a list's rows: money by *_fen, prices by *_e4, rates by *_ppm, everything else as text. */
/** Columns whose values are vocabulary codes, and the labels that say them (结算方式 direct → 直营结算). */
const LABELLED: Record<string, string> = {
  settlement_mode: 'remittanceMethods', rebate_tier_mode: 'tierModes', rebate_direction: 'rebateDirections', rebate_basis: 'rebateBases', kind: 'promotionKinds', role: 'roles',
  payment_terms_start: 'paymentTermsStarts',
};
/** The columns that say which row it is: kept in view when the grid scrolls sideways. */
const IDENTIFYING = new Set(['code', 'sku', 'store_code', 'ka', 'ka_code']);

function columnsFor(rows: Row[], t: TFunction): ColDef<Row>[] {
  return Object.keys(rows[0] ?? {}).filter((k) => k !== 'id').map((k): ColDef<Row> => {
    const headerName = t(`master.cols.${k}`, { defaultValue: k });
    if (LABELLED[k]) return { field: k, headerName, width: 120, valueFormatter: (p) => (typeof p.value === 'string' ? t(`${LABELLED[k]}.${p.value}`, { defaultValue: p.value }) : '') };
    if (IDENTIFYING.has(k)) return { field: k, headerName, width: 110, pinned: 'left' };
    if (k.endsWith('_fen')) return moneyCol(k, headerName);
    if (k.endsWith('_e4')) return { field: k, headerName, type: 'rightAligned', width: 110, valueFormatter: (p) => formatPrice(p.value as number) };
    if (k.endsWith('_ppm')) return { field: k, headerName, type: 'rightAligned', width: 100, valueFormatter: (p) => formatPpm(p.value as number) };
    return { field: k, headerName, width: k === 'name' ? 200 : k === 'tax_id' || k === 'bank_account' || k === 'address_phone' ? 190 : 120 };
  });
}

/** 主数据: KA accounts and their invoicing entities (开票信息), stores, products, contract prices, distributors, contracts and promotions; new records in forms. */
export function MasterDataScreen() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<Entity>('ka-accounts');
  const [ka, setKa] = useState('');
  const kas = useKaAccounts();
  const list = useQuery('master.list', { entity, ...(ka && (entity === 'stores' || entity === 'prices' || entity === 'invoicing-entities') ? { ka } : {}), limit: 1000 });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ key: string; record: Record<string, unknown> } | null>(null);
  const [loadError, setLoadError] = useState<ServiceError | null>(null);
  const host = useHost();
  const edit = async (key: string) => {
    setCreating(false);
    setSaved('');
    try {
      setEditing({ key, record: (await host.call('master.get', { entity, key })).record });
    } catch (e) {
      setLoadError(asServiceError(e));
    }
  };
  const [saved, setSaved] = useState('');
  const rows = list.data?.rows ?? [];
  const columns = useMemo(() => columnsFor(rows, t), [rows, t]);
  const change = (e: Entity) => {
    setEntity(e);
    setCreating(false);
    setEditing(null);
    setOpen(null);
    setSaved('');
  };

  return (
    <main className="screen" aria-labelledby="master-title">
      <div className="screen-head">
        <h1 id="master-title">{t('areas.master')}</h1>
        {(entity === 'stores' || entity === 'prices' || entity === 'invoicing-entities') && (
          <label className="inline">KA
            <select value={ka} onChange={(e) => setKa(e.target.value)} data-testid="master-ka">
              <option value="">{t('reconcile.allKa')}</option>
              {kas.rows.map((k) => <option key={k.code} value={k.code}>{k.code} {k.name}</option>)}
            </select>
          </label>
        )}
        <span className="fill" />
        <button type="button" className="primary" data-testid="master-new" onClick={() => { setCreating(true); setEditing(null); setSaved(''); }}>{t('master.new', { what: t(`master.entities.${entity}`) })}</button>
      </div>
      <Tabs label={t('areas.master')} current={entity} onChange={change} tabs={ENTITIES.map((e) => ({ id: e, label: t(`master.entities.${e}`) }))} />
      <ErrorNotice error={list.error ?? loadError} onClose={() => setLoadError(null)} />
      {saved && <p className="notice ok" role="status" data-testid="master-message">{saved}</p>}
      {creating && (
        <MasterForm key={entity} entity={entity} kas={kas.rows} onCancel={() => setCreating(false)}
          onSaved={(key) => { setCreating(false); setSaved(t('master.saved', { key })); list.reload(); kas.reload(); }} />
      )}
      {editing && (
        <MasterForm key={`${entity}|${editing.key}`} entity={entity} kas={kas.rows} initial={editing.record} onCancel={() => setEditing(null)}
          onSaved={(key, outcome) => { setEditing(null); setSaved(t(outcome === 'unchanged' ? 'master.unchanged' : 'master.updated', { key })); list.reload(); }} />
      )}
      <p className="muted">{t('master.count', { count: rows.length })}{entity === 'prices' ? ` · ${t('master.pricesHint')}` : ` · ${t(entity === 'promotions' ? 'master.openHint' : 'master.editHint')}`}</p>
      <div className="split">
        <DataGrid testId="master-grid" gridId={`master-${entity}`} rows={rows} columns={columns} height={480}
          rowId={(r) => String(r.tax_id ?? r.code ?? r.sku ?? `${String(r.ka ?? '')}/${String(r.store_code ?? r.sku ?? '')}/${String(r.region ?? '')}/${String(r.valid_from ?? '')}`)}
          onOpen={entity === 'promotions' ? (r) => setOpen(String(r.code)) : entity === 'prices' ? undefined : (r) => {
            const key = entity === 'stores' ? `${String(r.ka)}/${String(r.store_code)}` : entity === 'invoicing-entities' ? String(r.tax_id) : String(r.code ?? r.sku);
            if (entity === 'contracts') setOpen(key);
            void edit(key);
          }} selectedId={open} />
        {open && (entity === 'contracts' || entity === 'promotions') && <RecordDetail key={open} entity={entity} code={open} />}
      </div>
    </main>
  );
}
