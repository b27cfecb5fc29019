import type { statementZh } from '../zh/statement.js';

export const statementEn: Record<keyof typeof statementZh, string> = {
  'statement.no-such-detail': 'the statement has no detail table {{table}} (it has {{tables}})',
} as const;
