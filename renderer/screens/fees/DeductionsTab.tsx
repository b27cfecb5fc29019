import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';
import { DeductionCorrection } from '../corrections/DeductionCorrection';
import { useWords } from '../../i18n/words';
import { FEE_TYPES, type FeeType } from '../../../vocabulary/index.js';
import { SidePanel } from '../../components/SidePanel';

/** 扣款: each deduction with its fee type, the contract's verdict and the split; reclassify with a rule for next time. */
export function DeductionsTab({ period }: { period: string }) {
  const { t } = useTranslation();
  const { stored } = useWords();
  const { act, error } = useAction();
  const [disputedOnly, setDisputedOnly] = useState(false);
  const list = useQuery('fees.deductions', { period, disputedOnly, limit: 1000 });
  const [open, setOpen] = useState<Row | null>(null);
  // Nothing is preselected and nothing remembered unasked: the user chooses the fee type, and ticks 记住 to keep the rule.
  const [feeType, setFeeType] = useState<FeeType | ''>('');
  const [saveRule, setSaveRule] = useState(false);
  const [saved, setSaved] = useState('');

  const reclassify = async () => {
    if (!open || !feeType || !(await act('fees.reclassify', { lineId: Number(open.line_id), feeType, saveRule }))) return;
    setSaved(t('fees.reclassified', { doc: String(open.doc_no), type: t(`feeTypes.${feeType}`) }));
    list.reload();
  };

  return (
    <section>
      <div className="row">
        <label className="inline"><input type="checkbox" checked={disputedOnly} onChange={(e) => setDisputedOnly(e.target.checked)} data-testid="disputed-only" />{t('fees.disputedOnly')}</label>
        <span className="muted">{list.data ? t('fees.count', { count: list.data.rows.length }) : ''}</span>
      </div>
      <ErrorNotice error={list.error ?? error} onClose={() => list.setError(null)} />
      {saved && <p className="notice ok" role="status" data-testid="fees-message">{saved}</p>}
      <div className="split">
        <DataGrid testId="deductions-grid" rows={list.data?.rows ?? []} rowId={(r) => String(r.line_id)} selectedId={open ? String(open.line_id) : null}
          onOpen={(r) => { setOpen(r); setFeeType(''); setSaveRule(false); setSaved(''); }}
          columns={[
            { field: 'doc_no', headerName: t('fees.docNo'), width: 130, pinned: 'left' },
            { field: 'ka', headerName: 'KA', width: 70 },
            { field: 'store', headerName: t('reconcile.cols.store'), width: 80 },
            { field: 'fee_text', headerName: t('fees.wording'), width: 150 },
            { field: 'fee_type', headerName: t('fees.feeType'), width: 110, valueFormatter: (p) => (p.value ? t(`feeTypes.${p.value as string}`) : t('fees.unclassified')) },
            { field: 'verdict', headerName: t('fees.verdict'), width: 120, valueFormatter: (p) => t(`verdicts.${p.value as string}`, { defaultValue: p.value as string }) },
            // 金额 stays in view beside the document number when the panel opens (1366×768)
            moneyCol('amount_fen', t('fields.amount'), { pinned: 'right' }),
            moneyCol('manufacturer_fen', t('fees.manufacturerShare')),
            moneyCol('distributor_fen', t('fees.distributorShare')),
            { field: 'disputed', headerName: t('fees.disputed'), width: 80, valueFormatter: (p) => (p.value ? t('app.yes') : '') },
            { field: 'reason', headerName: t('reconcile.reason'), flex: 1, minWidth: 200, valueFormatter: (p) => stored(p.value), tooltipValueGetter: (p) => stored(p.value) },
          ]} />
        {open && (
          // A panel of its own per line: opening a line (Enter or a click) puts the focus on its fee type, F6 goes
          // back to the grid and Escape closes it, as every detail panel does.
          <SidePanel key={String(open.line_id)} title={`${String(open.doc_no)} · ${String(open.fee_text ?? '')}`} onClose={() => setOpen(null)} testId="reclassify-panel" className="detail">
            <p className="muted">{stored(open.reason)}</p>
            <label>{t('fees.feeType')}
              <select value={feeType} onChange={(e) => setFeeType(e.target.value as FeeType | '')} data-testid="reclassify-type">
                <option value="">{t('fees.chooseFeeType')}</option>
                {FEE_TYPES.map((f) => <option key={f} value={f}>{t(`feeTypes.${f}`)}</option>)}
              </select>
            </label>
            <label className="inline"><input type="checkbox" checked={saveRule} data-testid="reclassify-remember" onChange={(e) => setSaveRule(e.target.checked)} />{t('fees.saveRule', { ka: String(open.ka), wording: String(open.fee_text ?? '') })}</label>
            <div className="row">
              <button type="button" className="primary" data-testid="reclassify-save" disabled={!feeType} onClick={reclassify}>{t('fees.reclassify')}</button>
            </div>
            <DeductionCorrection row={open} onChanged={list.reload} />
          </SidePanel>
        )}
      </div>
    </section>
  );
}
