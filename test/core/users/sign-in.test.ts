import { describe, expect, it } from 'vitest';
import { changeSetting } from '../../../core/settings/book-settings.js';
import { createSession, endSession, verifySession } from '../../../core/users/session-tokens.js';
import { SIGN_IN_LIMITS } from '../../../core/users/sign-in.js';
import { addUser, changePassword, disableUser, signIn } from '../../../core/users/users.js';
import { authorizeWrite, protectionNotice } from '../../../core/users/write-access.js';
import { codeOf } from '../../helpers/errors.js';
import { addPeople } from '../../helpers/people.js';
import { tempBook } from '../../helpers/temp-book.js';

const audit = (book: Awaited<ReturnType<typeof tempBook>>, action: string) =>
  book.db.prepare('SELECT actor, entity_key, after_json FROM audit_log WHERE action = ? ORDER BY id').all(action) as { actor: string; entity_key: string; after_json: string }[];

describe('signing in', () => {
  it('counts failures per name in the book, locks after four, doubles the lock, audits each, and clears on success', async () => {
    const book = await tempBook();
    const people = addPeople(book);
    const t0 = new Date('2026-11-02T09:00:00Z');
    for (let i = 1; i <= SIGN_IN_LIMITS.freeFailures; i++) expect(codeOf(() => signIn(book, 'wang', 'wrong', 'command', t0))).toBe('security.sign-in-failed');
    // The fifth failure earns the first lock; from then on even the right password is refused until it ends.
    expect(codeOf(() => signIn(book, 'wang', 'wrong', 'command', t0))).toBe('security.sign-in-failed');
    expect(codeOf(() => signIn(book, 'wang', 'wang-pass-1', 'command', new Date(t0.getTime() + 30_000)))).toBe('security.locked');
    const afterFirst = new Date(t0.getTime() + SIGN_IN_LIMITS.firstLockMs + 1);
    expect(codeOf(() => signIn(book, 'wang', 'wrong', 'command', afterFirst))).toBe('security.sign-in-failed');
    // The sixth failure locks for twice as long.
    expect(codeOf(() => signIn(book, 'wang', 'wang-pass-1', 'command', new Date(afterFirst.getTime() + SIGN_IN_LIMITS.firstLockMs + 1)))).toBe('security.locked');
    const afterSecond = new Date(afterFirst.getTime() + 2 * SIGN_IN_LIMITS.firstLockMs + 1);
    expect(signIn(book, 'wang', 'wang-pass-1', 'command', afterSecond)).toMatchObject({ username: 'wang', role: 'accountant' });
    expect(signIn(book, 'wang', 'wang-pass-1', 'window', afterSecond)).toMatchObject({ username: 'wang' });

    const failed = audit(book, 'sign-in-failed');
    expect(failed).toHaveLength(6);
    expect(failed.map((f) => JSON.parse(f.after_json).failures)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(JSON.parse(failed[4]!.after_json)).toMatchObject({ reason: 'wrong-password', via: 'command', lockedUntil: new Date(t0.getTime() + SIGN_IN_LIMITS.firstLockMs).toISOString() });
    expect(audit(book, 'sign-in').map((r) => JSON.parse(r.after_json).via)).toEqual(['window']);
    // Another name's count is its own.
    expect(signIn(book, 'li', 'li-pass-1', 'command', t0)).toMatchObject({ username: 'li' });
  });

  it('never writes a mistyped name (perhaps a password) into the audit log, and refuses disabled users', async () => {
    const book = await tempBook();
    const people = addPeople(book);
    expect(codeOf(() => signIn(book, 'my-secret-password', 'x'))).toBe('security.sign-in-failed');
    const [row] = audit(book, 'sign-in-failed');
    expect(row).toMatchObject({ actor: '(unknown)', entity_key: '(unknown)' });
    expect(JSON.stringify(row)).not.toContain('my-secret-password');
    disableUser(book, people.admin, 'li');
    expect(codeOf(() => signIn(book, 'li', 'li-pass-1'))).toBe('security.sign-in-failed');
    expect(JSON.parse(audit(book, 'sign-in-failed')[1]!.after_json)).toMatchObject({ reason: 'disabled' });
  });
});

describe('sessions of ka-settle login', () => {
  it('keep only the token’s hash, expire, end at logout, and end when the user changes', async () => {
    const book = await tempBook();
    const people = addPeople(book);
    const now = new Date('2026-11-02T09:00:00Z');
    const s = createSession(book, people.wang, 12, now);
    expect(s.token).toMatch(/^kas1_[\w-]{43}$/);
    const stored = JSON.stringify(book.db.prepare('SELECT * FROM user_sessions').all()) + JSON.stringify(book.db.prepare('SELECT * FROM audit_log').all());
    expect(stored).not.toContain(s.token.slice(5));
    expect(verifySession(book, s.token, now)).toMatchObject({ username: 'wang', role: 'accountant' });
    expect(codeOf(() => verifySession(book, s.token, new Date(now.getTime() + 12 * 3_600_000)))).toBe('security.session-invalid');
    expect(codeOf(() => verifySession(book, `${s.token}x`, now))).toBe('security.session-invalid');
    expect(endSession(book, s.token)).toBe('wang');
    expect(endSession(book, s.token)).toBeNull();
    expect(codeOf(() => verifySession(book, s.token, now))).toBe('security.session-invalid');

    const again = createSession(book, people.li, 1, now);
    changePassword(book, people.li, 'li-pass-2');
    expect(codeOf(() => verifySession(book, again.token, now))).toBe('security.session-invalid');
    const third = createSession(book, people.zhao, 1, now);
    disableUser(book, people.admin, 'zhao');
    expect(codeOf(() => verifySession(book, third.token, now))).toBe('security.session-invalid');
    expect(audit(book, 'login')).toHaveLength(3);
    expect(audit(book, 'logout')).toHaveLength(1);
  });
});

describe('the gate of every write', () => {
  it('lets a book without users be written, saying it is unprotected; then wants a user in a role that may', async () => {
    const book = await tempBook();
    const open = authorizeWrite(book, null, 'import', 'os:someone');
    expect(open).toEqual({ actor: 'os:someone', user: null, unprotected: 'no-users' });
    expect(protectionNotice(open)).toEqual({ code: 'security.unprotected', params: { actor: 'os:someone' } });

    addUser(book, null, { username: 'owner', role: 'admin', password: 'owner-pass-1' });
    expect(codeOf(() => authorizeWrite(book, null, 'import', 'os:someone'))).toBe('security.sign-in-required');
    const owner = signIn(book, 'owner', 'owner-pass-1');
    // A single-user book may choose to be written without signing in; a second user ends that choice.
    changeSetting(book, 'security.single_user_without_sign_in', 'true', owner);
    expect(authorizeWrite(book, null, 'import', 'os:someone')).toMatchObject({ unprotected: 'relaxed' });
    expect(authorizeWrite(book, owner, 'import', 'os:someone')).toMatchObject({ actor: 'owner', unprotected: null });
    addUser(book, owner, { username: 'wang', role: 'accountant', password: 'wang-pass-1' });
    expect(codeOf(() => authorizeWrite(book, null, 'import', 'os:someone'))).toBe('security.sign-in-required');
    expect(codeOf(() => changeSetting(book, 'security.single_user_without_sign_in', 'true', owner))).toBe('security.relaxed-needs-one-user');
    const wang = signIn(book, 'wang', 'wang-pass-1');
    expect(authorizeWrite(book, wang, 'import', 'os:someone').actor).toBe('wang');
    expect(codeOf(() => authorizeWrite(book, wang, 'claims.approve', 'os:someone'))).toBe('security.forbidden');
    expect(codeOf(() => authorizeWrite(book, wang, 'users', 'os:someone'))).toBe('security.forbidden');
    disableUser(book, owner, 'wang');
    expect(codeOf(() => authorizeWrite(book, wang, 'import', 'os:someone'))).toBe('security.user-changed');
  });
});
