import { z } from 'zod';
import { CLOSE_EXCEPTION_KINDS } from '../vocabulary/index.js';
import { code, isoDate, lang, message, period, rowsResult, writtenFile } from './common-schemas.js';

const statementRef = { period, distributor: code, version: z.number().int().positive().optional() };

/** 结算: the month-end sign-off and the settlement statement (结算单). */
export const closeMethods = {
  'close.status': {
    args: z.object({ period }).strict(),
    result: z.object({
      period: z.string(), status: z.string(),
      exceptions: z.array(z.object({ key: z.string(), kind: z.enum(CLOSE_EXCEPTION_KINDS), lineId: z.number().int().nullable(), docNo: z.string(), amountFen: z.number().int(), what: message })),
      figures: z.object({ balance: z.number().int(), open: z.number().int(), overdue: z.number().int(), unapplied: z.number().int(), unmatchedDeliveryLines: z.number().int(), unexpectedReceiptLines: z.number().int() }),
      statements: z.array(z.record(z.string(), z.unknown())),
      distributors: z.array(z.string()),
    }),
  },
  'close.accept': {
    args: z.object({ period, keys: z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]), reason: z.string().trim().min(1).max(500) }).strict(),
    result: z.object({ accepted: z.number().int() }),
  },
  'close.prepare': { args: z.object({ period, asOf: isoDate.optional() }).strict(), result: z.object({ status: z.string(), statements: z.array(z.record(z.string(), z.unknown())) }) },
  'close.review': { args: z.object({ period }).strict(), result: z.object({ status: z.string() }) },
  /** the book is backed up first, then the period closed */
  'close.approve': { args: z.object({ period }).strict(), result: z.object({ status: z.string(), backup: z.string() }) },
  'close.reopen': { args: z.object({ period, reason: z.string().trim().min(1).max(500) }).strict(), result: z.object({ status: z.string() }) },
  /**
   * the statement's summary as it will print (the same HTML the PDF is printed from, without the detail tables,
   * which can hold tens of thousands of rows), and the names and sizes of its detail tables
   */
  'statement.preview': {
    args: z.object({ ...statementRef, lang }).strict(),
    result: z.object({
      html: z.string(), version: z.number().int().nullable(), status: z.string(),
      /** the frozen version's hash; null for a draft, whose hash is over every detail row and is printed when it is exported */
      sha256: z.string().nullable(), netDue: z.number().int(),
      confirmations: z.array(z.record(z.string(), z.unknown())), kas: z.array(z.string()),
      details: z.array(z.object({ table: z.number().int(), name: z.string(), rows: z.number().int() })),
    }),
  },
  /**
   * the whole statement as it prints, detail tables included: what the desktop's own Chromium prints a PDF from
   * (asked once per export, never to show)
   */
  'statement.printHtml': {
    args: z.object({ ...statementRef, lang }).strict(),
    result: z.object({ html: z.string(), footer: z.string() }),
  },
  /** one page of one of the statement's detail tables (送货明细, 扣费明细, …) */
  'statement.detailPage': {
    args: z.object({ ...statementRef, table: z.number().int().min(0), offset: z.number().int().min(0), limit: z.number().int().min(1).max(500), lang }).strict(),
    result: z.object({
      table: z.number().int(), name: z.string(), offset: z.number().int(), total: z.number().int(),
      columns: z.array(z.object({ key: z.string(), header: z.string(), money: z.boolean().optional(), qty: z.boolean().optional() })),
      rows: z.array(z.record(z.string(), z.unknown())),
    }),
  },
  'statement.versions': { args: z.object({ period, distributor: code }).strict(), result: rowsResult },
  /** 回签: the manufacturer's or a KA's answer to the latest statement version, recorded with its hash */
  'statement.confirm': {
    args: z.object({
      period, distributor: code, party: z.enum(['manufacturer', 'ka']), ka: code.optional(), result: z.enum(['confirmed', 'disputed']),
      reasons: z.string().trim().max(1000).optional(),
    }).strict(),
    result: z.object({ confirmations: z.array(z.record(z.string(), z.unknown())) }),
  },
  'statement.export': {
    args: z.object({ ...statementRef, format: z.enum(['xlsx', 'pdf']), path: z.string().min(1).optional(), lang }).strict(),
    result: writtenFile,
  },
} as const;
