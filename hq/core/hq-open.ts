import { join } from 'node:path';
import { defaultBookFolder } from '../../core/book/book-location.js';
import { hqTarget, openHqDb, type HqDb, type HqTarget } from '../db/connection.js';
import { assertHqSchema, migrateHq } from '../db/migrations.js';

/** Where the head office is: --db (a postgres:// URL or a folder), else KA_SETTLE_HQ_DB, else `head-office` beside the books. */
export function resolveHqTarget(value: string | undefined, env: NodeJS.ProcessEnv = process.env): HqTarget {
  return hqTarget(value ?? env.KA_SETTLE_HQ_DB ?? join(defaultBookFolder(env), 'head-office'));
}

/** `hq init`: creates (or upgrades) the schema; an embedded database's folder is made if it is not there. */
export async function initHq(target: HqTarget): Promise<{ db: HqDb; from: number; to: number }> {
  const db = await openHqDb(target, { create: true });
  try {
    return { db, ...(await migrateHq(db)) };
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** Opens a head office made by `hq init` with this build's schema, for work. */
export async function openHq(target: HqTarget): Promise<HqDb> {
  const db = await openHqDb(target);
  try {
    await assertHqSchema(db);
    return db;
  } catch (e) {
    await db.close();
    throw e;
  }
}
