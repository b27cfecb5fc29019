import type { Message } from '../../locale/index.js';
import { renderMessage } from '../../locale/index.js';

/** One finding of `check`: its name, whether it holds, and what it found (in words, and as codes for the window). */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
  /** the finding as a code with parameters (the first problem, or the summary when it holds) */
  message?: Message;
  /** every problem found, capped, as codes */
  problems?: Message[];
}

/** Problems a check lists at most; the count says how many there were. */
export const MAX_PROBLEMS = 20;

/** A check's result from its problems: it holds when there are none, and then says what it proved. */
export function finding(name: string, problems: Message[], ok: Message): CheckResult {
  const shown = problems.slice(0, MAX_PROBLEMS);
  const message = shown[0] ?? ok;
  const detail = shown.length
    ? `${shown.map((p) => renderMessage('en', p)).join('; ')}${problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : ''}`
    : renderMessage('en', ok);
  return { name, ok: problems.length === 0, detail, message, ...(shown.length ? { problems: shown } : {}) };
}
