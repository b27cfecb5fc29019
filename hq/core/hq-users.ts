import { hashPassword, verifyPassword } from '../../core/users/passwords.js';
import { UserError } from '../../core/errors.js';
import { HQ_ROLES, type HqRole } from '../../vocabulary/index.js';
import type { HqDb } from '../db/connection.js';
import { countHqAdmins, findHqUser, insertHqUser, listHqUsers, setHqUserDisabled } from '../db/queries/people.js';
import { appendHqAudit } from './hq-audit.js';

/** A head-office user who proved who they are. */
export interface HqSignedIn { username: string; displayName: string; role: HqRole }

export async function signInHq(db: HqDb, username: string, password: string | undefined): Promise<HqSignedIn> {
  const user = await findHqUser(db, username);
  if (!user || user.disabled) throw new UserError('hq.no-user', { user: username }, { field: '--user' });
  if (!password) throw new UserError('hq.password-needed', {}, { field: 'password' });
  if (!verifyPassword(password, user.password_hash)) throw new UserError('hq.wrong-password', { user: username }, { field: 'password' });
  return { username: user.username, displayName: user.display_name, role: user.role };
}

export function requireHqRole(user: HqSignedIn, roles: HqRole[], what: string): void {
  if (!roles.includes(user.role) && user.role !== 'admin') throw new UserError('hq.forbidden', { user: user.username, role: user.role, what: { code: `hq.what.${what}` }, roles: [...roles] });
}

/** The first user of a head office is its admin and needs nobody's permission; after that an admin adds the others. */
export async function addHqUser(db: HqDb, by: HqSignedIn | null, input: { username: string; displayName?: string; role: HqRole; password: string }): Promise<void> {
  if (!HQ_ROLES.includes(input.role)) throw new UserError('hq.bad-role', { role: input.role, roles: [...HQ_ROLES] }, { field: '--role' });
  if (!/^[\w.@-]{2,40}$/u.test(input.username)) throw new UserError('hq.bad-username', {}, { field: '--add' });
  if (input.password.length < 8) throw new UserError('hq.short-password', {}, { field: 'password' });
  await db.transaction(async (tx) => {
    const admins = await countHqAdmins(tx);
    if (admins === 0 && input.role !== 'admin') throw new UserError('hq.first-user-admin');
    if (admins > 0) {
      if (!by) throw new UserError('hq.sign-in-needed', { what: 'users' });
      requireHqRole(by, ['admin'], 'users');
    }
    if (await findHqUser(tx, input.username)) throw new UserError('hq.user-exists', { user: input.username }, { field: '--add' });
    await insertHqUser(tx, { username: input.username, display_name: input.displayName ?? input.username, role: input.role, password_hash: hashPassword(input.password) });
    await appendHqAudit(tx, { actor: by?.username ?? input.username, action: 'create', entity: 'user', entityKey: input.username, after: { role: input.role, displayName: input.displayName ?? input.username } });
  });
}

export async function disableHqUser(db: HqDb, by: HqSignedIn, username: string): Promise<void> {
  requireHqRole(by, ['admin'], 'users');
  await db.transaction(async (tx) => {
    if (!(await setHqUserDisabled(tx, username, true))) throw new UserError('hq.no-user', { user: username });
    await appendHqAudit(tx, { actor: by.username, action: 'disable', entity: 'user', entityKey: username });
  });
}

export { listHqUsers };
