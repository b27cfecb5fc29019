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
  readonly code: MessageCode;
  readonly params: Params;
  readonly place: ErrorPlace;

  constructor(code: MessageCode, params: Params = {}, place: ErrorPlace = {}) {
    // Error.message is the English sentence, for logs; people read render() in their language.
    super(renderMessage('en', { code, params }));
    this.name = 'UserError';
    this.code = code;
    this.params = params;
    this.place = place;
  }

  /** The same error at another place (a file's row, a column's heading instead of the schema's field). */
  withPlace(place: ErrorPlace): UserError {
    return new UserError(this.code, this.params, place);
  }

  /** The message as code and parameters, for the window, a report's row or another message. */
  toMessage(): Message {
    return { code: this.code, params: this.params };
  }

  /** What went wrong, in words. */
  render(lang: Language = commandLanguage()): string {
    return renderMessage(lang, this.toMessage());
  }

  /** One line: where, then what (`file, row 12, field 金额: reason`). */
  describe(lang: Language = commandLanguage()): string {
    return renderWithPlace(lang, this.toMessage(), this.place);
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
