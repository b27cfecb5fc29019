import type { Fen, Ppm, QtyMilli } from '../money/units.js';
import type { InvoiceColour, InvoiceSource, InvoiceStatus, InvoiceType } from '../../vocabulary/index.js';

/** One item line as the invoice has it: 金额 without tax and 税额 in fen; a discount line (折扣行) is negative. */
export interface InvoiceItemDraft {
  name: string;
  taxCode?: string | null;
  spec?: string | null;
  unit?: string | null;
  qty?: QtyMilli | null;
  /** 单价 as written: invoices carry more decimals than any unit of the ledger, so it is kept as text */
  unitPrice?: string | null;
  net: Fen;
  taxRate: Ppm;
  tax: Fen;
  isDiscount: boolean;
  /** the file row it was read from, for messages */
  row?: number;
}

export interface InvoiceParty { taxId: string; name: string }

/**
 * An invoice as read from any source (the e-tax list, a 数电票 XML, a form), before the book knows whose it is.
 * Money is fen: net (金额) + tax (税额) = gross (价税合计); a red-letter invoice is negative.
 */
export interface InvoiceDraft {
  source: InvoiceSource;
  invoiceType: InvoiceType;
  /** 发票代码 of an older invoice (10 or 12 digits); none for a 数电票 */
  code?: string | null;
  /** the 20-digit 数电票号码, or an older invoice's 8-digit number */
  number: string;
  date: string;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  net: Fen;
  tax: Fen;
  gross: Fen;
  colour: InvoiceColour;
  /** 红字: the number of the blue invoice it reverses, and its 红字发票信息确认单 */
  originalNumber?: string | null;
  redConfirmationNo?: string | null;
  status: InvoiceStatus;
  remark?: string | null;
  drawer?: string | null;
  items: InvoiceItemDraft[];
  sourceFile?: string | null;
  sourceRow?: number | null;
}
