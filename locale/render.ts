import { formatFen, formatPrice, formatQuantity, formatRate, formatYuan } from './format.js';
import { messagesEn, labelsEn } from './en/index.js';
import { messagesZh, labelsZh } from './zh/index.js';
import { isMessage, type Language, type Message, type ParamValue, type Params } from './message.js';

/** A code the catalog has words for. */
export type MessageCode = keyof typeof messagesZh;
export type LabelGroup = keyof typeof labelsZh;

const MESSAGES: Record<Language, Record<string, string>> = { zh: messagesZh, en: messagesEn };
const LABELS: Record<Language, Record<string, Record<string, string>>> = { zh: labelsZh, en: labelsEn };

export function hasMessage(code: string): code is MessageCode {
  return Object.hasOwn(messagesZh, code);
}

/** A vocabulary value in words (`labelOf('zh', 'status', 'short')` → 短收); an unknown value reads as itself. */
export function labelOf(lang: Language, group: string, value: string): string {
  return LABELS[lang][group]?.[value] ?? value;
}

function formatValue(lang: Language, value: ParamValue, format: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (isMessage(value)) return renderMessage(lang, value);
  if (Array.isArray(value)) return value.map((v) => formatValue(lang, v, format === 'list' ? undefined : format)).join(MESSAGES[lang]['list.separator']);
  if (typeof value === 'number') {
    switch (format) {
      case 'fen': return formatFen(value);
      case 'yuan': return formatYuan(value);
      case 'price': return formatPrice(value);
      case 'qty': return formatQuantity(value);
      case 'ppm': return formatRate(value);
      default: return String(value);
    }
  }
  if (format?.startsWith('label:')) return labelOf(lang, format.slice('label:'.length), String(value));
  return String(value);
}

/** Fills `{{name}}` and `{{name, format}}` from the parameters. */
export function fillTemplate(lang: Language, template: string, params: Params = {}): string {
  return template.replace(/\{\{\s*([\w.]+)\s*(?:,\s*([\w:]+)\s*)?\}\}/g, (_, name: string, format: string | undefined) => formatValue(lang, params[name], format));
}

/** A message in words. A code the catalog lacks (a bug, caught by the catalog tests) reads as the code itself. */
export function renderMessage(lang: Language, message: Message): string {
  const template = MESSAGES[lang][message.code];
  return template === undefined ? message.code : fillTemplate(lang, template, message.params);
}

export interface Place {
  file?: string | undefined;
  row?: number | undefined;
  field?: string | undefined;
}

/** Where a fault is: `file.csv，第 12 行，字段 金额` / `file.csv, row 12, field 金额`; empty when nowhere. */
export function renderPlace(lang: Language, place: Place): string {
  const parts: string[] = [];
  if (place.file) parts.push(renderMessage(lang, { code: 'place.file', params: { file: place.file } }));
  if (place.row !== undefined) parts.push(renderMessage(lang, { code: 'place.row', params: { row: place.row } }));
  if (place.field) parts.push(renderMessage(lang, { code: 'place.field', params: { field: place.field } }));
  return parts.join(MESSAGES[lang]['place.join']);
}

/** One line: where, then what (`file.csv，第 12 行，字段 金额：日期不正确`). */
export function renderWithPlace(lang: Language, message: Message, place: Place): string {
  const where = renderPlace(lang, place);
  const what = renderMessage(lang, message);
  return where ? `${where}${MESSAGES[lang]['place.then']}${what}` : what;
}
