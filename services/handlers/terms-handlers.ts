import type { termsMethods } from '../../contract/terms-methods.js';
import { accruePeriod, explainTerms } from '../../core/terms/accrue-period.js';
import { accrualDocuments } from '../../core/terms/accrual-documents.js';
import { masterDataView } from '../../core/views/book-views.js';
import type { HandlersOf } from './handler-types.js';

export const termsHandlers: HandlersOf<typeof termsMethods> = {
  'terms.contracts': ({ session }) => ({ rows: masterDataView(session.requireBook(), 'contracts', { offset: 0, limit: 1000 }) }),
  'terms.explain': ({ session }, a) => explainTerms(session.requireBook(), a.contract, a.period) as unknown as Record<string, unknown>,
  'terms.accrue': ({ session, actor }, a) => accruePeriod(session.requireBook(), a.period, actor) as unknown as Record<string, unknown>,
  'terms.accruals': ({ session }, a) => ({ rows: accrualDocuments(session.requireBook(), a.period) }),
};
