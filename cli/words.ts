import { commandLanguage } from '../core/errors.js';
import { labelOf, renderMessage, type LabelGroup, type Message, type MessageCode, type Params } from '../locale/index.js';
import type { Io } from './io.js';

/** The command's words in its language (KA_SETTLE_LANG, Chinese by default): codes of the catalog, vocabulary labels. */
export function wordsOf(io: Io) {
  const lang = commandLanguage(io.env);
  return {
    lang,
    w: (code: MessageCode, params: Params = {}) => renderMessage(lang, { code, params }),
    say: (m: Message) => renderMessage(lang, m),
    label: (group: LabelGroup, value: string | null | undefined) => (value ? labelOf(lang, group, value) : ''),
  };
}
