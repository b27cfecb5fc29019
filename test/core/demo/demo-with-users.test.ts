import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBook } from '../../../core/book/create-book.js';
import { createDemoBook } from '../../../core/demo/create-demo-book.js';
import { addUser } from '../../../core/users/users.js';
import { setBookInfo } from '../../../db/queries/book-info.js';
import { codeOfAsync } from '../../helpers/errors.js';
import { tempDir } from '../../helpers/temp-book.js';

describe('replacing the demo book', () => {
  it('never replaces a demo book someone has given users (it may hold their signed months)', async () => {
    const path = join(tempDir(), 'demo.kasettle');
    const book = await createBook(path, 'tester', 'demo');
    book.write(() => setBookInfo(book, 'demo_seed', '1'));
    addUser(book, null, { username: 'admin', role: 'admin', password: 'admin-pass-1' });
    book.close();
    expect(await codeOfAsync(() => createDemoBook(path, 'tester'))).toBe('security.demo-has-users');
  });
});
