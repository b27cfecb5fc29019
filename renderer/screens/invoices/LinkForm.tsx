import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { yuanToFen } from '../../format/parse-input';
import { useAction } from '../../host/use-action';

/** 手工关联: an invoice linked by hand to a receipt, return or 票扣 deduction of its KA, or such a link undone with a reason. */
export function LinkForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { act, error, setError } = useAction();
  const [invoice, setInvoice] = useState('');
  const [document, setDocument] = useState('');
  const [amount, setAmount] = useState('');
  const [text, setText] = useState('');
  const [done, setDone] = useState('');
  const fen = amount.trim() ? yuanToFen(amount) : undefined;
  const link = async () => {
    if (fen === null) return setError({ code: 'invalid-arguments', message: t('invoicing.badYuan'), field: 'amount' });
    const r = await act('invoices.link', { invoice: invoice.trim(), document: document.trim(), ...(fen !== undefined ? { amount: fen } : {}), ...(text.trim() ? { note: text.trim() } : {}) });
    if (r) { setDone(t('invoicing.linked', { invoice: r.invoice, document: r.document })); onDone(); }
  };
  const unlink = async () => {
    const r = await act('invoices.unlink', { invoice: invoice.trim(), document: document.trim(), reason: text.trim() });
    if (r) { setDone(t('invoicing.unlinked', { invoice: r.invoice, document: r.document })); onDone(); }
  };
  return (
    <form className="master-form" data-testid="invoice-link-form" onSubmit={(e) => { e.preventDefault(); void link(); }}>
      <h3>{t('invoicing.linkTitle')}</h3>
      <p className="muted">{t('invoicing.linkHint')}</p>
      <div className="form-grid">
        <Field label={t('invoicing.invoiceNumber')} error={errorFor(error, 'invoice')}><input value={invoice} onChange={(e) => setInvoice(e.target.value)} data-testid="link-invoice" /></Field>
        <Field label={t('invoicing.documentNumber')} error={errorFor(error, 'document')}><input value={document} onChange={(e) => setDocument(e.target.value)} data-testid="link-document" /></Field>
        <Field label={t('invoicing.amountOptional')} error={errorFor(error, 'amount')}><input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="link-amount" /></Field>
        <Field label={`${t('invoicing.note')} / ${t('invoicing.reason')}`} error={errorFor(error, 'reason')}><input value={text} onChange={(e) => setText(e.target.value)} data-testid="link-note" /></Field>
      </div>
      {error && !error.field && <ErrorNotice error={error} />}
      <div className="row">
        <button type="submit" className="primary" data-testid="link-submit" disabled={!invoice.trim() || !document.trim()}>{t('invoicing.link')}</button>
        <button type="button" data-testid="unlink-submit" disabled={!invoice.trim() || !document.trim() || !text.trim()} onClick={() => void unlink()}>{t('invoicing.unlink')}</button>
        {done && <span className="ok-text" role="status" data-testid="link-done">{done}</span>}
      </div>
    </form>
  );
}
