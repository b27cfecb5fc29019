import { UserError } from '../errors.js';

/** How far a long piece of work has come: a step name and, where known, done of total. */
export interface Progress {
  step: string;
  done?: number;
  total?: number;
}

/**
 * What a long piece of work (an import, a reconciliation) is given by whoever runs it: somewhere to report
 * progress, and a way to learn that the user cancelled. Cancelling throws inside the work's transaction, so the
 * book is left exactly as it was.
 */
export interface WorkControl {
  progress?: (p: Progress) => void;
  isCancelled?: () => boolean;
}

export function throwIfCancelled(control: WorkControl | undefined): void {
  if (control?.isCancelled?.()) throw new UserError('work.cancelled');
}
