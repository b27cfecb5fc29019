import type { statementZh } from '../zh/statement.js';

export const statementEn: Record<keyof typeof statementZh, string> = {
  'statement.no-version': 'no version {{version}} of {{distributor}} {{period}}',
  'statement.dispute-reason': 'a dispute needs its reasons',
  'statement.not-prepared': '{{distributor}} {{period}} has no prepared statement to confirm',
  'statement.unknown-ka': 'a KA’s confirmation names the KA (ka:CODE); "{{code}}" is unknown',
  'statement.no-such-detail': 'the statement has no detail table {{table}} (it has {{tables}})',
} as const;
