import { z } from 'zod';
import { AUX_PARTIES, CUSTOMER_SOURCES, MAPPING_STATES, VOUCHER_FORMATS, VOUCHER_GROUPINGS } from '../vocabulary/index.js';
import { fen, period, rowsResult, writtenFile } from './common-schemas.js';

const mapping = z.object({
  glCode: z.string(), glName: z.string(), auxCustomer: z.enum(CUSTOMER_SOURCES), auxSupplier: z.boolean(), auxDepartment: z.boolean(),
});
const grouping = z.enum(VOUCHER_GROUPINGS);
/** a built-in layout by name (kingdee-k3, yonyou-u8-txt, csv …); a layout file of one's own is for the command */
const layout = z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'a layout name');
const batch = z.number().int().positive();
const voucherRow = z.object({ word: z.string(), number: z.number().int(), date: z.string(), summary: z.string(), debit: fen, lines: z.number().int(), documents: z.array(z.string()) });
const exportRow = z.object({
  id: z.number().int(), period: z.string(), grouping, layout: z.string(), file_name: z.string(), file_sha256: z.string(), created_by: z.string(), created_at: z.string(),
  vouchers: z.number().int(), documents: z.number().int(), first_number: z.number().int().nullable(), last_number: z.number().int().nullable(),
});
const written = writtenFile.extend({
  batch: z.number().int().nullable(), layout: z.string(), vouchers: z.number().int(), documents: z.number().int(), first: z.number().int().nullable(),
  last: z.number().int().nullable(), debit: fen, sha256: z.string().nullable(),
});

/** 凭证导出: the chart-of-accounts mapping (设置 → 科目对照) and the month's vouchers for the GL (金蝶, 用友, CSV). */
export const vouchersMethods = {
  'vouchers.mapping': {
    args: z.object({ period: period.optional() }).strict(),
    result: z.object({
      rows: z.array(z.object({
        account: z.string(), nameZh: z.string(), nameEn: z.string(), kind: z.string(), state: z.enum(MAPPING_STATES), mapping: mapping.nullable(),
        proposal: mapping.nullable(), changedBy: z.string().nullable(), changedAt: z.string().nullable(), entries: z.number().int(),
      })),
      chart: z.object({ accounts: z.number().int(), leaves: z.number().int() }),
    }),
  },
  'vouchers.setMapping': {
    args: z.object({
      account: z.string().trim().min(1).max(40), glCode: z.string().trim().min(1).max(40), glName: z.string().trim().max(120).default(''),
      auxCustomer: z.enum(CUSTOMER_SOURCES), auxSupplier: z.boolean(), auxDepartment: z.boolean(),
    }).strict(),
    result: mapping,
  },
  /** confirms the proposed mappings (of the accounts named, or all) */
  'vouchers.acceptProposals': { args: z.object({ accounts: z.array(z.string().trim().min(1).max(40)).min(1).optional() }).strict(), result: z.object({ accepted: z.number().int() }) },
  /** the company's chart as its GL exported it (科目代码/科目名称, header found wherever it is) */
  'vouchers.importChart': {
    args: z.object({ path: z.string().trim().min(1).max(1000) }).strict(),
    result: z.object({ file: z.string(), headerRow: z.number().int(), accounts: z.number().int(), leaves: z.number().int() }),
  },
  'vouchers.auxItems': { args: z.object({}).strict(), result: rowsResult },
  /** a party's 核算项目 code and name in the GL; an empty code takes the mapping away */
  'vouchers.setAuxItem': {
    args: z.object({ party: z.enum(AUX_PARTIES), code: z.string().trim().min(1).max(80), glCode: z.string().trim().max(40), glName: z.string().trim().max(120).default('') }).strict(),
    result: z.object({ party: z.enum(AUX_PARTIES), code: z.string(), name: z.string(), glCode: z.string(), glName: z.string(), overridden: z.boolean() }),
  },
  'vouchers.layouts': {
    args: z.object({}).strict(),
    result: z.object({ layouts: z.array(z.object({ name: z.string(), title: z.string(), format: z.enum(VOUCHER_FORMATS), extension: z.string() })) }),
  },
  /** what an export of the month would write now, what stops it, and what was exported before (writes nothing) */
  'vouchers.preview': {
    args: z.object({ period, grouping }).strict(),
    result: z.object({
      period: z.string(), periodStatus: z.string(), grouping, pendingDocuments: z.number().int(),
      unmapped: z.array(z.object({ account: z.string(), name: z.string() })),
      blocked: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()).optional() }).nullable(),
      voucherCount: z.number().int(), debit: fen, vouchers: z.array(voucherRow),
      remembered: z.object({ vouchers: z.number().int(), documents: z.number().int() }), exports: z.array(exportRow),
    }),
  },
  /** the vouchers exported for the month (or one export) */
  'vouchers.list': { args: z.object({ period, batch: batch.optional() }).strict(), result: z.object({ rows: z.array(voucherRow) }) },
  /** exports the month's new postings as vouchers, remembered so they are never exported twice */
  'vouchers.export': {
    args: z.object({ period, grouping, layout, startNumber: z.number().int().positive().optional(), path: z.string().min(1).optional() }).strict(),
    result: written,
  },
  /** writes vouchers exported before again, byte for byte (one export, or the whole month) */
  'vouchers.reexport': {
    args: z.object({ period, batch: batch.optional(), layout, path: z.string().min(1).optional() }).strict(),
    result: written,
  },
} as const;
