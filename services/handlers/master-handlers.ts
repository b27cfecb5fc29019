import type { masterMethods } from '../../contract/master-methods.js';
import { editMasterRecord, masterRecord } from '../../core/master-data/edit-master-data.js';
import { saveMasterRecord } from '../../core/master-data/save-record.js';
import { contractView, masterDataView, promotionView } from '../../core/views/book-views.js';
import type { HandlersOf } from './handler-types.js';

export const masterHandlers: HandlersOf<typeof masterMethods> = {
  'master.list': ({ session }, a) => ({ rows: masterDataView(session.requireBook(), a.entity, { offset: a.offset, limit: a.limit }, a.ka) }),
  'master.get': ({ session }, a) => ({ record: masterRecord(session.requireBook(), a.entity, a.key) }),
  'master.detail': ({ session }, a) => {
    const book = session.requireBook();
    return { record: a.entity === 'contracts' ? contractView(book, a.key) : promotionView(book, a.key) };
  },
  'master.save': ({ session, actor }, a) => (a.mode === 'update'
    ? editMasterRecord(session.requireBook(), a.entity, a.record, actor)
    : saveMasterRecord(session.requireBook(), a.entity, a.record, actor)),
};
