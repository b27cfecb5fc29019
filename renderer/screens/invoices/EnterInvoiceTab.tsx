import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVOICE_TYPES, type InvoiceType } from '../../../vocabulary/index.js';
import { DateInput } from '../../components/DateInput';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { Money } from '../../components/Money';
import { languageOf, renderMessage } from '../../../locale/index.js';
import { yuanToFen } from '../../format/parse-input';
import { todayIso } from '../../format/dates';
import { useAction } from '../../host/use-action';

const EMPTY = { code: '', number: '', sellerTaxId: '', sellerName: '', buyerTaxId: '', buyerName: '', net: '', tax: '', remark: '', originalNumber: '' };

/** 手工录入: a paper invoice typed as it reads; core checks it as any imported invoice (totals, numbers, parties), then links it. */
export function EnterInvoiceTab() {
  const { t, i18n } = useTranslation();
  const { act, error, setError } = useAction();
  const [type, setType] = useState<InvoiceType>('special');
  const [date, setDate] = useState(todayIso());
  const [f, setF] = useState(EMPTY);
  const [done, setDone] = useState<string[]>([]);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => { setF({ ...f, [k]: e.target.value }); setError(null); };
  const net = yuanToFen(f.net);
  const tax = yuanToFen(f.tax);
  const save = async () => {
    if (net === null) return setError({ code: 'invalid-arguments', message: t('invoicing.badYuan'), field: 'net' });
    if (tax === null) return setError({ code: 'invalid-arguments', message: t('invoicing.badYuan'), field: 'tax' });
    const r = await act('invoices.enter', {
      invoiceType: type, ...(f.code.trim() ? { code: f.code.trim() } : {}), number: f.number.trim(), date,
      seller: { taxId: f.sellerTaxId.trim(), name: f.sellerName.trim() }, buyer: { taxId: f.buyerTaxId.trim(), name: f.buyerName.trim() }, net, tax,
      ...(f.remark.trim() ? { remark: f.remark.trim() } : {}), ...(f.originalNumber.trim() ? { originalNumber: f.originalNumber.trim() } : {}),
    });
    if (!r) return;
    const number = f.code.trim() ? `${f.code.trim()}-${f.number.trim()}` : f.number.trim();
    setDone([t(r.created ? 'invoicing.saved' : 'invoicing.alreadyIn', { number }), ...r.notices.map((m) => renderMessage(languageOf(i18n.language), m as never))]);
    if (r.created) setF({ ...EMPTY, sellerTaxId: f.sellerTaxId, sellerName: f.sellerName });
  };
  const text = (k: keyof typeof EMPTY, label: string, field: string = k, wide = false) => (
    <Field label={label} error={errorFor(error, field)} wide={wide}><input value={f[k]} onChange={set(k)} data-testid={`enter-${k}`} /></Field>
  );
  return (
    <form className="master-form" data-testid="invoice-enter-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <p className="muted">{t('invoicing.enterHint')}</p>
      <div className="form-grid">
        <Field label={t('invoicing.invoiceType')}>
          <select value={type} onChange={(e) => setType(e.target.value as InvoiceType)} data-testid="enter-type">
            {INVOICE_TYPES.map((x) => <option key={x} value={x}>{t(`invoiceTypes.${x}`)}</option>)}
          </select>
        </Field>
        {text('code', t('invoicing.invoiceCode'))}
        {text('number', t('invoicing.invoiceNumber'))}
        <DateInput label={t('invoicing.invoiceDate')} value={date} onChange={setDate} testId="enter-date" />
      </div>
      <div className="form-grid">
        {text('sellerTaxId', t('invoicing.sellerTaxId'), 'seller')}
        {text('sellerName', t('invoicing.sellerName'), 'seller.name', true)}
      </div>
      <div className="form-grid">
        {text('buyerTaxId', t('invoicing.buyerTaxId'), 'buyer')}
        {text('buyerName', t('invoicing.buyerName'), 'buyer.name', true)}
      </div>
      <div className="form-grid">
        {text('net', t('invoicing.net'))}
        {text('tax', t('invoicing.tax'))}
        <Field label={t('invoicing.gross')}><output data-testid="enter-gross">{net !== null && tax !== null ? <Money fen={net + tax} /> : '—'}</output></Field>
      </div>
      <div className="form-grid">
        {text('remark', t('invoicing.note'), 'remark', true)}
        {text('originalNumber', t('invoicing.originalNumber'))}
      </div>
      {error && !['net', 'tax', 'number', 'code', 'seller', 'buyer', 'remark', 'originalNumber'].some((k) => errorFor(error, k)) && <ErrorNotice error={error} />}
      <div className="row">
        <button type="submit" className="primary" data-testid="enter-save" disabled={!f.number.trim() || !f.net.trim()}>{t('invoicing.save')}</button>
        {done.map((d, i) => <span key={i} className="ok-text" role="status" data-testid="enter-done">{d}</span>)}
      </div>
    </form>
  );
}
