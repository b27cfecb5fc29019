import { formatFen } from '../money/format.js';
import type { VoucherLayout } from './layout-schema.js';
import type { OutCell } from './layout-rows.js';

/** 2026-10-03 as the layout writes dates: 2026-10-03, 2026/10/3 or 20261003. */
export function formatDate(iso: string, format: VoucherLayout['dateFormat']): string {
  const [y, m, d] = iso.split('-');
  if (format === 'yyyy/m/d') return `${y}/${Number(m)}/${Number(d)}`;
  if (format === 'yyyymmdd') return `${y}${m}${d}`;
  return iso;
}

/** Yuan with two decimals from integer fen, as text: 123456 → 1234.56, -5 → -0.05. */
export function yuanText(fen: number): string {
  return formatFen(fen, { grouped: false });
}

/** A cell as text files write it. */
export function cellText(layout: VoucherLayout, cell: OutCell): string {
  if ('text' in cell) return cell.text;
  if ('fen' in cell) return yuanText(cell.fen);
  if ('date' in cell) return formatDate(cell.date, layout.dateFormat);
  if ('int' in cell) return String(cell.int);
  return String(cell.raw);
}
