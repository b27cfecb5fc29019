import { dirname, join } from 'node:path';
import type { vouchersMethods } from '../../contract/vouchers-methods.js';
import { localStamp } from '../../core/calendar/dates.js';
import { UserError } from '../../core/errors.js';
import { auxItemsView, setAuxItem } from '../../core/vouchers/aux-items.js';
import { importChart } from '../../core/vouchers/chart-import.js';
import { acceptProposals, mappingView, setAccountMapping } from '../../core/vouchers/chart-mapping.js';
import { exportNewVouchers, rewriteVouchers } from '../../core/vouchers/export-vouchers.js';
import { findLayout, layoutChoices } from '../../core/vouchers/layouts.js';
import { layoutExtension } from '../../core/vouchers/render-file.js';
import type { VoucherLayout } from '../../core/vouchers/layout-schema.js';
import { previewVouchers, rememberedList } from '../../core/vouchers/voucher-views.js';
import type { BookSession } from '../book-session.js';
import type { HandlersOf } from './handler-types.js';

/** Where a voucher file goes when the window names no place: `exports/` beside the book. */
function defaultPath(session: BookSession, period: string, layout: VoucherLayout, what: string): string {
  const stamp = localStamp();
  return join(dirname(session.requireBook().path), 'exports', `凭证-${period}-${what}-${layout.name}-${stamp}.${layoutExtension(layout)}`);
}

export const vouchersHandlers: HandlersOf<typeof vouchersMethods> = {
  'vouchers.mapping': ({ session }, a) => mappingView(session.requireBook(), a.period),
  'vouchers.setMapping': ({ session }, a) => setAccountMapping(session.requireBook(), session.requireUser('vouchers'), a.account, {
    glCode: a.glCode, glName: a.glName, auxCustomer: a.auxCustomer, auxSupplier: a.auxSupplier, auxDepartment: a.auxDepartment,
  }),
  'vouchers.acceptProposals': ({ session }, a) => ({ accepted: acceptProposals(session.requireBook(), session.requireUser('vouchers'), a.accounts) }),
  'vouchers.importChart': async ({ session }, a) => importChart(session.requireBook(), session.requireUser('vouchers'), a.path),
  'vouchers.auxItems': ({ session }) => ({ rows: auxItemsView(session.requireBook()) as unknown as Record<string, unknown>[] }),
  'vouchers.setAuxItem': ({ session }, a) => setAuxItem(session.requireBook(), session.requireUser('vouchers'), a.party, a.code, a.glCode ? { code: a.glCode, name: a.glName } : null),
  'vouchers.layouts': () => ({ layouts: layoutChoices() }),
  'vouchers.preview': ({ session }, a) => previewVouchers(session.requireBook(), a.period, a.grouping),
  'vouchers.list': ({ session }, a) => ({ rows: rememberedList(session.requireBook(), a.period, a.batch) }),
  'vouchers.export': async ({ session }, a) => {
    const book = session.requireBook();
    const user = session.requireUser('vouchers');
    const layout = findLayout(a.layout);
    // The window asks for a file: a month with nothing new says so rather than handing over an empty one.
    const preview = previewVouchers(book, a.period, a.grouping);
    if (preview.unmapped.length === 0 && !preview.blocked && preview.voucherCount === 0) {
      throw new UserError('vouchers.nothing-new', { period: a.period, vouchers: preview.remembered.vouchers });
    }
    const r = await exportNewVouchers(book, { period: a.period, grouping: a.grouping, layout, path: session.grants.writable(book, a.path, defaultPath(session, a.period, layout, 'new')), user, startNumber: a.startNumber });
    return { ...r, file: r.file ?? '', rows: r.vouchers };
  },
  'vouchers.reexport': async ({ session }, a) => {
    const layout = findLayout(a.layout);
    const r = await rewriteVouchers(session.requireBook(), {
      period: a.period, batch: a.batch, layout, path: session.grants.writable(session.requireBook(), a.path, defaultPath(session, a.period, layout, a.batch ? `#${a.batch}` : 'all')), user: session.requireUser('vouchers'),
    });
    return { ...r, file: r.file ?? '', rows: r.vouchers };
  },
};
