import { lastDayOf } from '../calendar/dates.js';
import type { VoucherLayout } from './layout-schema.js';
import { layoutRows } from './layout-rows.js';
import type { Voucher } from './voucher-types.js';
import { textBytes } from './write-text.js';
import { xlsxBytes } from './write-xlsx.js';

/**
 * A month's vouchers as a file in the layout's form. Nothing in it depends on when or by whom it is written — an
 * xlsx is dated the month's last day — so the same vouchers always give the same bytes.
 */
export async function renderVoucherFile(layout: VoucherLayout, period: string, vouchers: readonly Voucher[]): Promise<Buffer> {
  const rows = layoutRows(layout, vouchers);
  if (layout.file.type === 'text') return textBytes(layout, rows);
  return xlsxBytes(layout, rows, new Date(`${lastDayOf(period)}T00:00:00Z`));
}

/** The file extension a layout writes. */
export function layoutExtension(layout: VoucherLayout): string {
  return layout.file.type === 'xlsx' ? 'xlsx' : layout.file.extension;
}
