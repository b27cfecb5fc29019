import { UserError, type ErrorPlace } from '../errors.js';

/** The same refusal, said of another place (the row of a document that failed as a whole). */
export function relocate(e: UserError, place: ErrorPlace): UserError {
  return e.toMessage() ? new UserError(e.code as never, e.params, place) : new UserError(e.code, e.message, place);
}
