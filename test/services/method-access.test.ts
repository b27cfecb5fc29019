import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../bridge/dispatch.js';
import { SERVICE_NAMES, type ServiceName } from '../../contract/service-contract.js';
import { READ_METHODS, WRITE_PERMISSIONS } from '../../services/method-access.js';
import { BookSession } from '../../services/book-session.js';
import { CASES } from '../helpers/contract-cases.js';

let dir: string;
let session: BookSession;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-access-'));
  session = new BookSession(dir, 'os:tester');
  const ctx = { session, control: {} };
  await dispatch(ctx, 'app.createBook', { path: join(dir, 'b.kasettle') });
  await dispatch(ctx, 'users.add', { username: 'admin', role: 'admin', password: 'admin-password' });
});
afterAll(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('every contract method', () => {
  it('is classified as a read or as a write with the permission it needs (a new method is never an open door)', () => {
    const unclassified = SERVICE_NAMES.filter((n) => !READ_METHODS.has(n) && !(n in WRITE_PERMISSIONS));
    expect(unclassified).toEqual([]);
    expect(SERVICE_NAMES.filter((n) => READ_METHODS.has(n) && n in WRITE_PERMISSIONS)).toEqual([]);
  });

  it.each(Object.keys(WRITE_PERMISSIONS) as ServiceName[])('%s needs a signed-in user in a book with users', async (method) => {
    const out = await dispatch({ session, control: {} }, method, CASES[method].good);
    expect(out).toMatchObject({ ok: false, status: 401, error: { code: 'security.sign-in-required' } });
  });
});
