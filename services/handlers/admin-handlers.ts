import type { adminMethods } from '../../contract/admin-methods.js';
import { verifyAuditChain } from '../../core/audit/audit-chain.js';
import { auditSearch } from '../../core/views/audit-view.js';
import { changeSetting } from '../../core/settings/book-settings.js';
import { effectiveSettings } from '../../core/settings/effective-settings.js';
import { addUser, changePassword, changeRole, disableUser, enableUser, listUsers, resetPassword } from '../../core/users/users.js';
import type { HandlersOf } from './handler-types.js';

export const adminHandlers: HandlersOf<typeof adminMethods> = {
  'audit.list': ({ session }, a) => auditSearch(session.requireBook(), { entity: a.entity ?? null, actor: a.actor ?? null, action: a.action ?? null }, { offset: a.offset, limit: a.limit }),
  'audit.verify': ({ session }) => verifyAuditChain(session.requireBook()),
  'users.list': ({ session }) => ({ rows: listUsers(session.requireBook()) as unknown as Record<string, unknown>[] }),
  'users.add': ({ session }, a) => {
    const book = session.requireBook();
    // The first user of a book (its admin) needs nobody's permission; after that an admin signs in to add others.
    addUser(book, session.user, { username: a.username, role: a.role, password: a.password, ...(a.displayName ? { displayName: a.displayName } : {}) });
    return { username: a.username };
  },
  'users.password': ({ session }, a) => {
    const user = session.requireUser('password');
    changePassword(session.requireBook(), user, a.password);
    return { username: user.username };
  },
  'users.disable': ({ session }, a) => {
    disableUser(session.requireBook(), session.requireUser('users'), a.username);
    return { username: a.username };
  },
  'users.enable': ({ session }, a) => {
    enableUser(session.requireBook(), session.requireUser('users'), a.username);
    return { username: a.username };
  },
  'users.resetPassword': ({ session }, a) => {
    resetPassword(session.requireBook(), session.requireUser('users'), a.username, a.password);
    return { username: a.username };
  },
  'users.setRole': ({ session }, a) => {
    changeRole(session.requireBook(), session.requireUser('users'), a.username, a.role);
    return { username: a.username, role: a.role };
  },
  'settings.get': ({ session }) => ({ settings: effectiveSettings(session.requireBook()) }),
  'settings.set': ({ session }, a) => {
    const book = session.requireBook();
    changeSetting(book, a.key, JSON.stringify(a.value), session.requireUser('settings'));
    return { settings: effectiveSettings(book) };
  },
};
