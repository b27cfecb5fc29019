import type { WorkControl } from '../core/work/long-work.js';
import type { BookSession } from './book-session.js';

/** What every handler is given: the session (its book, its user) and the control of a long call. */
export interface ServiceContext {
  session: BookSession;
  control: WorkControl;
}
