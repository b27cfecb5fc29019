import iconv from 'iconv-lite';
import { AUX_DIMENSIONS } from '../../vocabulary/index.js';
import type { LayoutColumn, VoucherField, VoucherLayout } from './layout-schema.js';
import type { Voucher, VoucherLine } from './voucher-types.js';

/** A cell as a layout asks for it; each writer turns it into its file's own form, never through a float. */
export type OutCell =
  | { text: string }
  | { int: number }
  | { fen: number }
  | { date: string }
  | { raw: number };

const EMPTY: OutCell = { text: '' };

/** 摘要 cut to what the GL keeps, counted in GB18030 bytes (a Chinese character is two), never inside a character. */
export function cutToBytes(text: string, maxBytes: number): string {
  // No character takes more than four bytes: most 摘要 are short enough not to be measured at all.
  if (text.length * 4 <= maxBytes || iconv.encode(text, 'gb18030').length <= maxBytes) return text;
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const n = iconv.encode(ch, 'gb18030').length;
    if (bytes + n > maxBytes) break;
    bytes += n;
    out += ch;
  }
  return out;
}

function auxList(layout: VoucherLayout, line: VoucherLine): { cls: string; code: string; name: string }[] {
  return AUX_DIMENSIONS.flatMap((d) => {
    const item = line.aux[d];
    return item ? [{ cls: layout.aux.classNames[d], code: item.code, name: item.name }] : [];
  });
}

function amountCell(layout: VoucherLayout, fen: number | null): OutCell {
  if (fen === null) return layout.zeroAmount === 'zero' ? { fen: 0 } : EMPTY;
  return { fen };
}

function fieldCell(layout: VoucherLayout, field: VoucherField, v: Voucher, line: VoucherLine, index: number): OutCell {
  const text = (t: string | undefined | null): OutCell => ({ text: t ?? '' });
  const aux = (n: number, part: 'cls' | 'code' | 'name') => text(auxList(layout, line)[n]?.[part]);
  switch (field) {
    case 'date': return { date: v.date };
    case 'year': return { int: Number(v.date.slice(0, 4)) };
    case 'month': return { int: Number(v.date.slice(5, 7)) };
    case 'word': return text(v.word);
    case 'number': return { int: v.number };
    case 'voucherKey': return text(`${v.word}-${v.number}`);
    case 'voucherSummary': return text(cutToBytes(v.summary, layout.summaryMaxBytes));
    case 'preparer': return text(v.preparer);
    case 'attachments': return { int: v.attachments };
    case 'documents': return text(v.documentNos.join(' '));
    case 'lineNo': return { int: index + 1 };
    case 'lineIndex': return { int: index };
    case 'summary': return text(cutToBytes(line.summary, layout.summaryMaxBytes));
    case 'account': return text(line.account);
    case 'glCode': return text(line.glCode);
    case 'glName': return text(line.glName);
    case 'side': return text(line.side);
    case 'debit': return amountCell(layout, line.side === 'debit' ? line.amount : null);
    case 'credit': return amountCell(layout, line.side === 'credit' ? line.amount : null);
    case 'amount': return { fen: line.amount };
    case 'customerCode': return text(line.aux.customer?.code);
    case 'customerName': return text(line.aux.customer?.name);
    case 'supplierCode': return text(line.aux.supplier?.code);
    case 'supplierName': return text(line.aux.supplier?.name);
    case 'departmentCode': return text(line.aux.department?.code);
    case 'departmentName': return text(line.aux.department?.name);
    case 'auxText': return text(auxList(layout, line)
      .map((a) => layout.aux.itemFormat.replace('{class}', a.cls).replace('{code}', a.code).replace('{name}', a.name)).join(layout.aux.join));
    case 'aux1Class': return aux(0, 'cls');
    case 'aux1Code': return aux(0, 'code');
    case 'aux1Name': return aux(0, 'name');
    case 'aux2Class': return aux(1, 'cls');
    case 'aux2Code': return aux(1, 'code');
    case 'aux2Name': return aux(1, 'name');
    case 'aux3Class': return aux(2, 'cls');
    case 'aux3Code': return aux(2, 'code');
    case 'aux3Name': return aux(2, 'name');
  }
}

function cellOf(layout: VoucherLayout, column: LayoutColumn, v: Voucher, line: VoucherLine, index: number): OutCell {
  let cell: OutCell;
  if (column.const !== undefined) cell = typeof column.const === 'string' ? { text: column.const } : Number.isInteger(column.const) ? { int: column.const } : { raw: column.const };
  else cell = fieldCell(layout, column.value!, v, line, index);
  if (column.map && 'text' in cell && Object.hasOwn(column.map, cell.text)) cell = { text: column.map[cell.text]! };
  return cell;
}

/** One row per 分录, in voucher and line order. */
export function layoutRows(layout: VoucherLayout, vouchers: readonly Voucher[]): OutCell[][] {
  return vouchers.flatMap((v) => v.lines.map((line, i) => layout.columns.map((c) => cellOf(layout, c, v, line, i))));
}
