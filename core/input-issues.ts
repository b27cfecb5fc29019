import type { z } from 'zod';
import { hasMessage, type Message } from '../locale/index.js';
import { UserError, type ErrorPlace } from './errors.js';

type Issue = z.core.$ZodIssue;

/**
 * A schema's complaint about an input, as a message in the catalog (never zod's English). A refinement whose
 * message is a catalog code (`{ message: 'master.dates-reversed' }`) says that; the rest by what zod found.
 */
export function issueMessage(issue: Issue): Message {
  if (hasMessage(issue.message)) return { code: issue.message, params: (issue as { params?: Record<string, never> }).params ?? {} };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined && /received undefined/.test(issue.message)) return { code: 'input.required' };
      if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint') return { code: 'input.expected-number' };
      if (issue.expected === 'boolean') return { code: 'input.expected-yes-no' };
      if (issue.expected === 'array') return { code: 'input.expected-list' };
      if (issue.expected === 'string') return { code: 'input.expected-text' };
      return { code: 'input.invalid' };
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { code: 'input.required' } : { code: 'input.too-short', params: { minimum: Number(issue.minimum) } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'input.too-few', params: { minimum: Number(issue.minimum) } };
      return { code: 'input.too-small', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'input.too-long', params: { maximum: Number(issue.maximum) } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'input.too-many', params: { maximum: Number(issue.maximum) } };
      return { code: 'input.too-big', params: { maximum: Number(issue.maximum) } };
    case 'invalid_value':
      return { code: 'input.invalid-option' };
    case 'unrecognized_keys':
      return { code: 'input.unknown-keys', params: { keys: issue.keys } };
    case 'invalid_format':
      return { code: 'input.invalid-format' };
    default:
      return { code: 'input.invalid' };
  }
}

/** The field an issue is about, as its path reads (`rebate.tiers.0.rate`). */
export function issueField(issue: Issue): string | undefined {
  return issue.path.map(String).join('.') || undefined;
}

/** A refused input as a UserError naming the field (under `place`'s file and row). */
export function inputError(issue: Issue, place: ErrorPlace = {}, field = issueField(issue)): UserError {
  const m = issueMessage(issue);
  return new UserError(m.code as never, m.params ?? {}, { ...place, ...(field ? { field } : {}) });
}
