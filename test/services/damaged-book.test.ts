import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../bridge/dispatch.js';
import { BookSession } from '../../services/book-session.js';

const dir = mkdtempSync(join(tmpdir(), 'ka-settle-damaged-'));
const session = new BookSession(dir, 'os:tester');
const ctx = { session, control: {} };
afterAll(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a book damaged on disk', () => {
  it('is refused at opening, and its newest good backup takes its place with the damaged file kept aside', async () => {
    const path = join(dir, 'demo.kasettle');
    expect((await dispatch(ctx, 'app.createBook', { path, demo: true })).ok).toBe(true);
    const backup = await dispatch(ctx, 'book.backup', {});
    expect(backup.ok).toBe(true);
    await dispatch(ctx, 'app.closeBook', {});

    // Scribble over pages in the middle of the file, as a failing disk or a half-copied file would.
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    for (let at = 8192; at < size - 4096; at += Math.floor(size / 7)) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, at);
    closeSync(fd);

    const refused = await dispatch(ctx, 'app.openBook', { path });
    expect(refused).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^book\.(damaged|not-a-book)$/), file: path } });
    expect(session.book).toBeNull();

    const offer = await dispatch(ctx, 'app.lastGoodBackup', { path });
    expect(offer).toMatchObject({ ok: true, result: { backup: { file: (backup as { result: { file: string } }).result.file } } });
    const restored = await dispatch(ctx, 'app.restoreDamaged', { path, file: (backup as { result: { file: string } }).result.file });
    expect(restored).toMatchObject({ ok: true, result: { book: { path } } });
    expect((await dispatch(ctx, 'book.check', {}))).toMatchObject({ ok: true, result: { ok: true } });
    const aside = readdirSync(dir).filter((f) => f.startsWith('demo-damaged-'));
    expect(aside.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, aside[0]!))).toBe(true);
  }, 60_000);
});
