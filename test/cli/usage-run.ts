import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.js';

const sessions = mkdtempSync(join(tmpdir(), 'ka-usage-sessions-'));

/** The command in this process, in the language asked for ('' is the default, Chinese). */
export async function run(lang: '' | 'en', ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => void out.push(t), err: (t) => void err.push(t), env: { KA_SETTLE_LANG: lang, KA_SETTLE_SESSIONS: sessions, KA_SETTLE_PASSWORD: '' } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
