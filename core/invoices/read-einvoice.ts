import { UserError, type ErrorPlace } from '../errors.js';
import { XmlFeed } from '../import/readers/xml-feed.js';
import { parseAmount, parseQuantity } from '../money/parse.js';
import type { InvoiceDraft, InvoiceItemDraft } from './invoice-draft.js';
import { checkInvoiceNumber, originalFromRemark } from './invoice-numbers.js';
import { invoiceTypeOf, taxRateOf } from './invoice-words.js';

/**
 * The elements of a 数电票 XML (the EInvoice layout of the national e-invoice service) that the book reads, by path
 * under EInvoice: the number and issue time in TaxSupervisionInfo, the kind in Header/InherentLabel/EInvoiceType, the
 * seller and buyer, the totals in BasicInformation, one IssuItemInformation per item line, the remark (which names
 * the blue invoice a red one reverses, 被红冲蓝字数电票号码) in AdditionalInformation.
 */
const FIELDS = {
  number: 'TaxSupervisionInfo/InvoiceNumber',
  issueTime: 'TaxSupervisionInfo/IssueTime',
  eiid: 'Header/EIid',
  kind: 'Header/InherentLabel/EInvoiceType/LabelName',
  sellerTaxId: 'EInvoiceData/SellerInformation/SellerIdNum',
  sellerName: 'EInvoiceData/SellerInformation/SellerName',
  buyerTaxId: 'EInvoiceData/BuyerInformation/BuyerIdNum',
  buyerName: 'EInvoiceData/BuyerInformation/BuyerName',
  net: 'EInvoiceData/BasicInformation/TotalAmWithoutTax',
  tax: 'EInvoiceData/BasicInformation/TotalTaxAm',
  gross: 'EInvoiceData/BasicInformation/TotalTax-includedAmount',
  drawer: 'EInvoiceData/BasicInformation/Drawer',
  requestTime: 'EInvoiceData/BasicInformation/RequestTime',
  remark: 'EInvoiceData/AdditionalInformation/Remark',
} as const;
const ITEM = 'EInvoiceData/IssuItemInformation';

/** Reads one 数电票 XML (its whole bytes) into an invoice; `part` names it inside a zip. */
export function readEInvoice(bytes: Buffer, file: string, part: string): InvoiceDraft {
  const place: ErrorPlace = { file: part === file ? file : `${file}/${part}` };
  const values = new Map<string, string>();
  const items: Map<string, string>[] = [];
  const path: string[] = [];
  let root: string | undefined;
  let item: Map<string, string> | undefined;
  let text = '';
  const feed = new XmlFeed({
    open(name) {
      if (path.length === 0) root = name;
      path.push(name);
      text = '';
      if (path.slice(1).join('/') === ITEM) items.push((item = new Map()));
    },
    text(t) {
      text += t;
    },
    close() {
      const at = path.slice(1).join('/');
      if (item && at.startsWith(`${ITEM}/`)) item.set(at.slice(ITEM.length + 1), text.trim());
      else if (at === ITEM) item = undefined;
      else if (!values.has(at)) values.set(at, text.trim());
      text = '';
      path.pop();
    },
  }, place.file!, part);
  try {
    feed.write(bytes);
    feed.end();
  } catch (e) {
    if (e instanceof UserError && e.code.startsWith('import-files.xml')) throw new UserError('invoices.xml-malformed', { part }, place);
    throw e;
  }
  if (root !== 'EInvoice') throw new UserError('invoices.xml-not-einvoice', { root: root ?? '' }, place);
  const need = (field: keyof typeof FIELDS) => {
    const v = values.get(FIELDS[field]);
    if (!v) throw new UserError('invoices.xml-missing', { element: FIELDS[field] }, { ...place, field: FIELDS[field] });
    return v;
  };
  const money = (element: string, v: string) => {
    try {
      return parseAmount(v, { ...place, field: element });
    } catch {
      throw new UserError('invoices.xml-bad-amount', { element, value: v }, { ...place, field: element });
    }
  };
  const numberText = values.get(FIELDS.number) || values.get(FIELDS.eiid) || need('number');
  const { code, number } = checkInvoiceNumber(null, numberText, { ...place, field: FIELDS.number });
  const dateText = values.get(FIELDS.issueTime) || need('requestTime');
  const date = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(dateText);
  if (!date) throw new UserError('input.date', {}, { ...place, field: FIELDS.issueTime });
  const gross = money(FIELDS.gross, need('gross'));
  const remark = values.get(FIELDS.remark) || null;
  const fromRemark = originalFromRemark(remark);
  const lines: InvoiceItemDraft[] = items.map((it, i) => {
    const at = (name: string) => it.get(name) ?? '';
    const net = money(`${ITEM}[${i + 1}]/Amount`, at('Amount'));
    return {
      name: at('ItemName'), taxCode: it.get('TaxClassificationCode') || null, spec: it.get('SpecMod') || null, unit: it.get('MeaUnits') || null,
      qty: at('Quantity') ? parseQuantity(at('Quantity'), { ...place, field: `${ITEM}[${i + 1}]/Quantity` }) : null, unitPrice: it.get('UnPrice') || null,
      net, taxRate: at('TaxRate') ? taxRateOf(at('TaxRate'), { ...place, field: `${ITEM}[${i + 1}]/TaxRate` }) : 0,
      tax: at('ComTaxAm') ? money(`${ITEM}[${i + 1}]/ComTaxAm`, at('ComTaxAm')) : 0, isDiscount: gross >= 0 && net < 0,
    };
  });
  return {
    source: 'xml', invoiceType: invoiceTypeOf(values.get(FIELDS.kind), { ...place, field: FIELDS.kind }), code, number,
    date: `${date[1]}-${date[2]}-${date[3]}`, seller: { taxId: need('sellerTaxId').toUpperCase(), name: need('sellerName') },
    buyer: { taxId: need('buyerTaxId').toUpperCase(), name: need('buyerName') }, net: money(FIELDS.net, need('net')), tax: money(FIELDS.tax, need('tax')), gross,
    colour: gross < 0 ? 'red' : 'blue', originalNumber: fromRemark.number, redConfirmationNo: fromRemark.confirmation, status: 'valid', remark,
    drawer: values.get(FIELDS.drawer) || null, items: lines, sourceFile: place.file!, sourceRow: null,
  };
}
