import { languageOf, renderMessage, renderWithPlace, type Language, type Message, type MessageCode, type Params } from '../locale/index.js';

/**
 * A mistake the user can fix: bad input, a missing book, a closed period. It carries a message code with its
 * parameters (rendered in the reader's language where it is read, see locale/) and where the fault is (file, row,
 * field). Anything else that is thrown is a bug.
 */
export interface ErrorPlace {
  file?: string;
  row?: number;
  field?: string;
}

/** The language the command speaks: KA_SETTLE_LANG (zh or en), Chinese by default. */
export function commandLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  return languageOf(env.KA_SETTLE_LANG);
}

export class UserError extends Error {
  readonly code: string;
  readonly params: Params;
  readonly place: ErrorPlace;
  /** an English sentence made before the catalog existed (issue 15 converts the rest to codes) */
  private readonly sentence: string | undefined;

  constructor(code: MessageCode, params?: Params, place?: ErrorPlace);
  /** @deprecated pass a catalog code with parameters instead of a sentence */
  constructor(code: string, message: string, place?: ErrorPlace);
  constructor(code: string, paramsOrMessage: Params | string = {}, place: ErrorPlace = {}) {
    const sentence = typeof paramsOrMessage === 'string' ? paramsOrMessage : undefined;
    const params = typeof paramsOrMessage === 'string' ? {} : paramsOrMessage;
    // Error.message is the English sentence, for logs and for tests that read it.
    super(sentence ?? renderMessage('en', { code, params }));
    this.name = 'UserError';
    this.code = code;
    this.params = params;
    this.place = place;
    this.sentence = sentence;
  }

  /** The message as code and parameters for the window; undefined while the error is still an English sentence. */
  toMessage(): Message | undefined {
    return this.sentence === undefined ? { code: this.code, params: this.params } : undefined;
  }

  /** What went wrong, in words. */
  render(lang: Language = commandLanguage()): string {
    return this.sentence ?? renderMessage(lang, { code: this.code, params: this.params });
  }

  /** One line: where, then what (`file, row 12, field 金额: reason`). */
  describe(lang: Language = commandLanguage()): string {
    if (this.sentence === undefined) return renderWithPlace(lang, { code: this.code, params: this.params }, this.place);
    // An unconverted sentence is English, so its place is said in English too.
    return renderWithPlace('en', { code: 'place.text', params: { text: this.sentence } }, this.place);
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
