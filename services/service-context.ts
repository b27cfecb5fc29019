import type { WorkControl } from '../core/work/long-work.js';
import type { WriteAccess } from '../core/users/write-access.js';
import type { BookSession } from './book-session.js';
import type { HqSession } from './hq-session.js';

/**
 * What every handler is given: the session (its book, its user), the control of a long call, and — for a write —
 * who it is recorded as (the signed-in user, or in an unprotected book the computer's user, marked so).
 */
export interface ServiceContext {
  session: BookSession;
  control: WorkControl;
  /** the name a write's audit rows get; for a read, whoever is signed in (or the computer's user) */
  actor: string;
  access: WriteAccess | null;
  /** the head office beside the book (the background thread always has one; a test may leave it out) */
  hq?: HqSession;
}
