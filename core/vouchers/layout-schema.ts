import { z } from 'zod';
import { LANGUAGES } from '../../locale/index.js';
import { VOUCHER_FORMATS } from '../../vocabulary/index.js';

/**
 * A layout file (core/vouchers/layouts/*.json, or one of the user's own): how one GL's voucher import wants its
 * file — xlsx or text, which columns in which order under which headings, and what each column holds. Versions of
 * a GL differ in their columns; a layout file is the one place that says so (docs/voucher-layout.schema.json).
 */
export const VOUCHER_FIELDS = [
  'date', 'year', 'month', 'word', 'number', 'voucherKey', 'voucherSummary', 'preparer', 'attachments', 'documents',
  'lineNo', 'lineIndex', 'summary', 'account', 'glCode', 'glName', 'side', 'debit', 'credit', 'amount',
  'customerCode', 'customerName', 'supplierCode', 'supplierName', 'departmentCode', 'departmentName', 'auxText',
  'aux1Class', 'aux1Code', 'aux1Name', 'aux2Class', 'aux2Code', 'aux2Name', 'aux3Class', 'aux3Code', 'aux3Name',
] as const;
export type VoucherField = (typeof VOUCHER_FIELDS)[number];

const column = z.object({
  heading: z.string().max(64).describe('the column heading the GL expects'),
  value: z.enum(VOUCHER_FIELDS).optional().describe('what the column holds'),
  const: z.union([z.string().max(64), z.number()]).optional().describe('a fixed value instead (币别 RMB, 汇率 1 …)'),
  map: z.record(z.string(), z.string()).optional().describe('values replaced as written (side: {"debit": "0", "credit": "1"})'),
  width: z.number().int().min(4).max(80).optional().describe('xlsx column width in characters'),
}).strict().refine((c) => (c.value === undefined) !== (c.const === undefined), 'a column has either a value or a const');

const xlsxFile = z.object({
  type: z.literal('xlsx'),
  sheet: z.string().min(1).max(31),
  header: z.boolean().default(true),
  dates: z.enum(['excel', 'text']).default('text').describe('dates as Excel date cells (whole day numbers shown yyyy-mm-dd) or as text in dateFormat'),
  extraSheets: z.array(z.object({ name: z.string().min(1).max(31), rows: z.array(z.array(z.union([z.string(), z.number()]))) }).strict()).default([])
    .describe("further sheets written as they are (金蝶 K/3's t_Schema)"),
}).strict();

const textFile = z.object({
  type: z.literal('text'),
  extension: z.enum(['txt', 'csv']),
  encoding: z.enum(['utf8', 'utf8-bom', 'gb18030']),
  delimiter: z.string().length(1),
  quote: z.enum(['csv', 'never']).describe('csv: quoted where needed (RFC 4180); never: no quotes, a delimiter inside a value becomes its full-width form'),
  header: z.boolean(),
  firstLine: z.string().max(200).optional().describe('a line before everything else (用友 总账工具: 填制凭证,V800)'),
  lineEnding: z.enum(['crlf', 'lf']).default('crlf'),
}).strict();

export const voucherLayout = z.object({
  $schema: z.string().optional(),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'a name of lower-case letters, digits and dashes'),
  title: z.string().min(1).max(120),
  format: z.enum(VOUCHER_FORMATS),
  source: z.string().min(1).max(2000).describe('where the layout comes from'),
  file: z.discriminatedUnion('type', [xlsxFile, textFile]),
  dateFormat: z.enum(['yyyy-mm-dd', 'yyyy/m/d', 'yyyymmdd']).default('yyyy-mm-dd'),
  zeroAmount: z.enum(['zero', 'blank']).default('zero').describe('the other side of a line: 0 (用友: one of 借/贷 must be 0) or an empty cell'),
  summaryMaxBytes: z.number().int().min(10).max(1000).default(255).describe('摘要 longer than this many GB18030 bytes (a Chinese character is two) is cut at a character'),
  language: z.enum(LANGUAGES).default('zh').describe('the language of the 摘要'),
  aux: z.object({
    classNames: z.object({ customer: z.string(), supplier: z.string(), department: z.string() }).strict().default({ customer: '客户', supplier: '供应商', department: '部门' }),
    itemFormat: z.string().default('{class}---{code}---{name}').describe('one 核算项目 in the auxText column'),
    join: z.string().default('||').describe('between the 核算项目 of one line in the auxText column'),
  }).strict().default({ classNames: { customer: '客户', supplier: '供应商', department: '部门' }, itemFormat: '{class}---{code}---{name}', join: '||' })
    .describe('how 核算项目 are named and written: the GL\'s class names, and the form of the auxText column'),
  columns: z.array(column).min(1).max(80),
}).strict();

export type VoucherLayout = z.output<typeof voucherLayout>;
export type LayoutColumn = VoucherLayout['columns'][number];
