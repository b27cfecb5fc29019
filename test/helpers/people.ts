import type { Book } from '../../db/connection.js';
import { addUser, signIn, type SignedIn } from '../../core/users/users.js';

/** The admin and three people of a distributor's month end, signed in. */
export function addPeople(book: Book): Record<'admin' | 'wang' | 'li' | 'zhao', SignedIn> {
  addUser(book, null, { username: 'admin', role: 'admin', password: 'admin-pass-1' });
  const admin = signIn(book, 'admin', 'admin-pass-1');
  addUser(book, admin, { username: 'wang', displayName: '王会计', role: 'accountant', password: 'wang-pass-1' });
  addUser(book, admin, { username: 'li', displayName: '李信用', role: 'credit_controller', password: 'li-pass-1' });
  addUser(book, admin, { username: 'zhao', displayName: '赵经理', role: 'manager', password: 'zhao-pass-1' });
  return { admin, wang: signIn(book, 'wang', 'wang-pass-1'), li: signIn(book, 'li', 'li-pass-1'), zhao: signIn(book, 'zhao', 'zhao-pass-1') };
}
