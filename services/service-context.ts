import type { WorkControl } from '../core/work/long-work.js';
import type { BookSession } from './book-session.js';
import type { HqSession } from './hq-session.js';

/** What every handler is given: the session (its book, its user) and the control of a long call. */
export interface ServiceContext {
  session: BookSession;
  control: WorkControl;
  /** the head office beside the book (the background thread always has one; a test may leave it out) */
  hq?: HqSession;
}
