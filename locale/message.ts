/**
 * What core says to a person: a code and its parameters, never a sentence (DESIGN.md §6). The sentence is made
 * where it is read — the window, the command, the PDF, the xlsx — from the catalog in the reader's language.
 *
 * A parameter is a plain value, or another message (a reason inside an error). In a template, `{{name}}` prints a
 * value as it is and `{{name, FORMAT}}` formats it: `fen` (1,234.56), `yuan` (¥1,234.56), `price` (1/10,000
 * yuan → 6.40), `qty` (thousandths → 12.5), `ppm` (parts per million → 2.5%), `label:GROUP` (a vocabulary
 * value in words, e.g. `{{status, label:status}}` → 短收), `list` (an array joined with the language's comma).
 */
export type ParamValue = string | number | boolean | null | undefined | Message | readonly (string | number | Message)[];
export type Params = Record<string, ParamValue>;

export interface Message {
  code: string;
  params?: Params;
}

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Chinese first: any language we have no words for reads Chinese. */
export function languageOf(value: string | undefined | null): Language {
  return value && /^en/i.test(value) ? 'en' : 'zh';
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Message).code === 'string';
}
