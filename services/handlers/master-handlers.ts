import type { masterMethods } from '../../contract/master-methods.js';
import { UserError } from '../../core/errors.js';
import { saveMasterRecord } from '../../core/master-data/save-record.js';
import { kaAccounts } from '../../core/reconcile/workbench.js';
import { contractView, masterDataView, promotionView } from '../../core/views/book-views.js';
import type { HandlersOf } from './handler-types.js';

export const masterHandlers: HandlersOf<typeof masterMethods> = {
  'master.list': ({ session }, a) => ({ rows: masterDataView(session.requireBook(), a.entity, { offset: a.offset, limit: a.limit }, a.ka) }),
  'master.get': ({ session }, a) => {
    const book = session.requireBook();
    if (a.entity === 'contracts') return { record: contractView(book, a.key) };
    if (a.entity === 'promotions') return { record: promotionView(book, a.key) };
    throw new UserError('invalid-arguments', `${a.entity} are edited from their row in the list`, { field: 'entity' });
  },
  'master.save': ({ session }, a) => saveMasterRecord(session.requireBook(), a.entity, a.record, session.actor),
  'master.kaAccounts': ({ session }) => ({ rows: kaAccounts(session.requireBook()) }),
};
