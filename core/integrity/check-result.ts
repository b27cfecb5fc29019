import type { Message, MessageCode } from '../../locale/index.js';

/** One finding of `check`: its name (a catalog code), whether it holds, and what it found, as codes the reader's language renders. */
export interface CheckResult {
  /** the check, as a catalog code (check.trial-balance …) */
  name: Extract<MessageCode, `check.${string}`>;
  ok: boolean;
  /** what it proved when it holds, or the problems it found (capped, with how many more) */
  detail: Message;
  /** every problem found, capped, as codes */
  problems?: Message[];
}

/** Problems a check lists at most; the count says how many there were. */
export const MAX_PROBLEMS = 20;

/** A check's result from its problems: it holds when there are none, and then says what it proved. */
export function finding(name: CheckResult['name'], problems: Message[], ok: Message): CheckResult {
  const shown = problems.slice(0, MAX_PROBLEMS);
  if (!shown.length) return { name, ok: true, detail: ok };
  const more = problems.length - shown.length;
  return { name, ok: false, detail: { code: more ? 'check.problems-and-more' : 'check.problems', params: { list: shown, more } }, problems: shown };
}
