import { useTranslation } from 'react-i18next';
import { labelOf, languageOf, readStoredMessage, renderMessage, type LabelGroup, type Message, type Params } from '../../locale/index.js';

/** A message as it crosses the contract: a catalog code and parameters of any shape. */
export interface WireMessage { code: string; params?: Record<string, unknown> }

/**
 * Core's words in the window's language: a message (a matching reason, a verdict, an error) said from the catalog,
 * a vocabulary value by its label. The same catalog the PDF, the xlsx and the command use.
 */
export function useWords() {
  const { i18n } = useTranslation();
  const lang = languageOf(i18n.language);
  return {
    lang,
    say: (m: WireMessage | Message | null | undefined): string => (m ? renderMessage(lang, { code: m.code, params: (m.params ?? {}) as Params }) : ''),
    label: (group: LabelGroup, value: unknown): string => (typeof value === 'string' && value ? labelOf(lang, group, value) : ''),
    /** a text column that holds a stored message (a reason, a memo), or a person's own words */
    stored: (text: unknown): string => (typeof text === 'string' && text ? renderMessage(lang, readStoredMessage(text)) : ''),
  };
}
