import type { Language } from '../../locale/index.js';
import { isUserError } from '../../core/errors.js';

/**
 * What a refusal says to the user, in their language (Chinese unless asked): the sentence made from the error's
 * code and parameters, with its place. Fails the test when nothing, or something other than a UserError, is thrown.
 */
export function said(fn: () => unknown, lang: Language = 'zh'): string {
  try {
    fn();
  } catch (e) {
    if (isUserError(e)) return e.describe(lang);
    throw e;
  }
  throw new Error('expected a refusal, but the call went through');
}

export async function saidAsync(fn: () => Promise<unknown>, lang: Language = 'zh'): Promise<string> {
  try {
    await fn();
  } catch (e) {
    if (isUserError(e)) return e.describe(lang);
    throw e;
  }
  throw new Error('expected a refusal, but the call went through');
}
