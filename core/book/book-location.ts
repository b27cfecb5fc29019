import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where books live unless the user says otherwise: a `ka-settle` folder in the user's Documents
 * (C:\Users\<name>\Documents\ka-settle on Windows), or KA_SETTLE_HOME when set. Backups go to a `backups`
 * folder beside each book.
 */
export function defaultBookFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.KA_SETTLE_HOME ?? join(homedir(), 'Documents', 'ka-settle');
}

export function defaultDemoBookPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultBookFolder(env), 'demo.kasettle');
}
