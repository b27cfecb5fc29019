import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';

type Item = { party: 'ka' | 'store' | 'manufacturer' | 'distributor'; code: string; name: string; glCode: string; glName: string; overridden: boolean };

/** 核算项目对照: a KA or store (客户), manufacturer (供应商) or distributor (部门) under the GL's own code. */
export function AuxItems() {
  const { t } = useTranslation();
  const list = useQuery('vouchers.auxItems', {});
  const { act, error, setError } = useAction();
  const [editing, setEditing] = useState<Item | null>(null);
  const [form, setForm] = useState({ glCode: '', glName: '' });
  const [done, setDone] = useState('');
  const save = async () => {
    if (!editing) return;
    const r = await act('vouchers.setAuxItem', { party: editing.party, code: editing.code, glCode: form.glCode, glName: form.glName });
    if (r) {
      setDone(t('vouchers.mapping.itemSaved', { code: r.code, glCode: r.glCode }));
      setEditing(null);
      list.reload();
    }
  };
  return (
    <section className="aux-items" aria-labelledby="aux-items-title">
      <h3 id="aux-items-title">{t('vouchers.mapping.items')}</h3>
      <p className="muted small">{t('vouchers.mapping.itemsIntro')}</p>
      <ErrorNotice error={list.error ?? (error && !error.field ? error : null)} onClose={() => setError(null)} />
      {done && <p className="notice ok" role="status" data-testid="aux-message">{done}</p>}
      <DataGrid testId="aux-grid" height={240} rows={(list.data?.rows ?? []) as Row[]} rowId={(r) => `${String(r.party)}:${String(r.code)}`}
        selectedId={editing ? `${editing.party}:${editing.code}` : null}
        onOpen={(r) => { const item = r as unknown as Item; setEditing(item); setForm({ glCode: item.glCode, glName: item.glName }); setError(null); }} columns={[
          { field: 'party', headerName: t('vouchers.mapping.party'), width: 100, valueFormatter: (x) => t(`auxParties.${String(x.value)}`) },
          { field: 'code', headerName: t('vouchers.mapping.code'), width: 120 },
          { field: 'name', headerName: t('vouchers.mapping.itemName'), flex: 1, minWidth: 180 },
          { field: 'glCode', headerName: t('vouchers.mapping.itemGlCode'), width: 120, cellClass: (x) => (x.data?.overridden ? '' : 'muted') },
          { field: 'glName', headerName: t('vouchers.mapping.itemGlName'), flex: 1, minWidth: 160, cellClass: (x) => (x.data?.overridden ? '' : 'muted') },
        ]} />
      {editing && (
        <form className="form-grid" data-testid="aux-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <Field label={`${t(`auxParties.${editing.party}`)} ${editing.code}`} error={errorFor(error, 'glCode')}>
            <input value={form.glCode} onChange={(e) => setForm({ ...form, glCode: e.target.value })} placeholder={t('vouchers.mapping.itemGlCode')} data-testid="aux-code" />
          </Field>
          <Field label={t('vouchers.mapping.itemGlName')}><input value={form.glName} onChange={(e) => setForm({ ...form, glName: e.target.value })} data-testid="aux-name" /></Field>
          <button type="submit" className="primary" data-testid="aux-save">{t('vouchers.mapping.itemSave')}</button>
          <span className="muted small">{t('vouchers.mapping.itemEmptyNote')}</span>
        </form>
      )}
    </section>
  );
}
