import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** An invoice as the fixtures write it: money in fen (written as yuan with two decimals), lines optional. */
export interface FixtureInvoice {
  number: string;
  date: string;
  sellerTaxId: string;
  sellerName: string;
  buyerTaxId: string;
  buyerName: string;
  net: number;
  tax: number;
  status?: string;
  /** a 价税合计 that disagrees with 金额 + 税额 (a damaged export) */
  grossWritten?: number;
  kind?: string;
  remark?: string;
  lines?: { name: string; taxCode?: string; spec?: string; unit?: string; qty?: number; price?: string; net: number; rate: string; tax: number }[];
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The columns of 全量发票查询 → 导出 → 发票基础信息, as the national e-tax portal writes them. */
export const BASIC_HEADINGS = ['序号', '发票代码', '发票号码', '数电票号码', '销方识别号', '销方名称', '购方识别号', '购买方名称', '开票日期', '金额', '税额',
  '价税合计', '发票来源', '发票票种', '发票状态', '是否正数发票', '发票风险等级', '开票人', '备注'];
/** 信息汇总表: one row an item line. */
export const ITEM_HEADINGS = ['序号', '发票代码', '发票号码', '数电票号码', '销方识别号', '销方名称', '购方识别号', '购买方名称', '开票日期', '税收分类编码',
  '特定业务类型', '货物或应税劳务名称', '规格型号', '单位', '数量', '单价', '金额', '税率', '税额', '价税合计', '发票来源', '发票票种', '发票状态', '是否正数发票',
  '发票风险等级', '开票人', '备注'];

/** Writes the portal's export: one row an invoice, or (items) one row an item line. */
export async function writeEtaxList(path: string, invoices: FixtureInvoice[], o: { items?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(o.items ? '信息汇总表' : '发票基础信息');
  ws.addRow(o.items ? ITEM_HEADINGS : BASIC_HEADINGS);
  let n = 0;
  for (const inv of invoices) {
    const common = (gross: number) => ({
      date: `${inv.date} 10:15:00`, kind: inv.kind ?? '数电发票（增值税专用发票）', status: inv.status ?? '正常', positive: gross >= 0 ? '是' : '否',
    });
    if (!o.items) {
      const c = common(inv.net + inv.tax);
      ws.addRow([++n, '', '', inv.number, inv.sellerTaxId, inv.sellerName, inv.buyerTaxId, inv.buyerName, c.date, yuan(inv.net), yuan(inv.tax),
        yuan(inv.grossWritten ?? inv.net + inv.tax), '电子发票服务平台', c.kind, c.status, c.positive, '正常', '王会计', inv.remark ?? '']);
      continue;
    }
    for (const l of inv.lines ?? []) {
      const c = common(inv.net + inv.tax);
      ws.addRow([++n, '', '', inv.number, inv.sellerTaxId, inv.sellerName, inv.buyerTaxId, inv.buyerName, c.date, l.taxCode ?? '', '', l.name, l.spec ?? '',
        l.unit ?? '', l.qty ?? '', l.price ?? '', yuan(l.net), l.rate, yuan(l.tax), yuan(l.net + l.tax), '电子发票服务平台', c.kind, c.status, c.positive, '正常', '王会计',
        inv.remark ?? '']);
    }
  }
  await wb.xlsx.writeFile(path);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One 数电票 in the EInvoice XML layout of the national e-invoice service. */
export function einvoiceXml(inv: FixtureInvoice): string {
  const items = (inv.lines ?? []).map((l) => `<IssuItemInformation><ItemName>${esc(l.name)}</ItemName><SpecMod>${esc(l.spec ?? '')}</SpecMod><MeaUnits>${esc(l.unit ?? '')}</MeaUnits>`
    + `<Quantity>${l.qty ?? ''}</Quantity><UnPrice>${l.price ?? ''}</UnPrice><Amount>${yuan(l.net)}</Amount><TaxRate>${l.rate}</TaxRate><ComTaxAm>${yuan(l.tax)}</ComTaxAm>`
    + `<TotaltaxIncludedAmount>${yuan(l.net + l.tax)}</TotaltaxIncludedAmount><TaxClassificationCode>${l.taxCode ?? ''}</TaxClassificationCode></IssuItemInformation>`).join('');
  const kind = inv.kind ?? '增值税专用发票';
  return `<?xml version="1.0" encoding="UTF-8"?>
<EInvoice><Header><EIid>${inv.number}</EIid><EInvoiceTag>SWEI3200</EInvoiceTag><Version>0.1</Version>`
    + `<InherentLabel><EInvoiceType><LabelCode>01</LabelCode><LabelName>${esc(kind)}</LabelName></EInvoiceType></InherentLabel></Header>`
    + `<EInvoiceData><SellerInformation><SellerIdNum>${inv.sellerTaxId}</SellerIdNum><SellerName>${esc(inv.sellerName)}</SellerName></SellerInformation>`
    + `<BuyerInformation><BuyerIdNum>${inv.buyerTaxId}</BuyerIdNum><BuyerName>${esc(inv.buyerName)}</BuyerName></BuyerInformation>`
    + `<BasicInformation><TotalAmWithoutTax>${yuan(inv.net)}</TotalAmWithoutTax><TotalTaxAm>${yuan(inv.tax)}</TotalTaxAm>`
    + `<TotalTax-includedAmount>${yuan(inv.net + inv.tax)}</TotalTax-includedAmount><Drawer>王会计</Drawer><RequestTime>${inv.date} 10:15:00</RequestTime></BasicInformation>`
    + `${items}<AdditionalInformation><Remark>${esc(inv.remark ?? '')}</Remark></AdditionalInformation></EInvoiceData>`
    + `<TaxSupervisionInfo><InvoiceNumber>${inv.number}</InvoiceNumber><IssueTime>${inv.date} 10:15:00</IssueTime><TaxBureauCode>13100000000</TaxBureauCode></TaxSupervisionInfo></EInvoice>`;
}

export async function writeXmlZip(path: string, invoices: FixtureInvoice[], extra: { name: string; text: string }[] = []): Promise<void> {
  const zip = new JSZip();
  for (const inv of invoices) zip.file(`dzfp_${inv.number}.xml`, einvoiceXml(inv));
  for (const e of extra) zip.file(e.name, e.text);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
