import type { HqSql } from '../connection.js';

export interface SenderRow { id: number; key_id: string; public_pem: string; book: string; manufacturer_code: string | null }

export async function senderByKey(db: HqSql, keyId: string): Promise<SenderRow | undefined> {
  return (await db.query<SenderRow>('SELECT id, key_id, public_pem, book, manufacturer_code FROM senders WHERE key_id = $1', [keyId]))[0];
}

/** Every registered sender: a load verifies against the keys registered when it starts. */
export async function registeredSenders(db: HqSql): Promise<SenderRow[]> {
  return db.query<SenderRow>('SELECT id, key_id, public_pem, book, manufacturer_code FROM senders ORDER BY id');
}

export async function insertSender(db: HqSql, r: { key_id: string; public_pem: string; book: string; manufacturer_code: string | null; registered_by: string }): Promise<number> {
  return (await db.query<{ id: number }>(`INSERT INTO senders (key_id, public_pem, book, manufacturer_code, registered_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [r.key_id, r.public_pem, r.book, r.manufacturer_code, r.registered_by]))[0]!.id;
}

/** Adds the distributors a sender names (or renames them) and returns their ids by code. */
export async function upsertDistributors(db: HqSql, senderId: number, list: { code: string; name: string; region: string | null }[]): Promise<Map<string, number>> {
  const rows = await db.query<{ id: number; code: string }>(`INSERT INTO distributors (sender_id, code, name, region)
    SELECT $1, x.code, x.name, x.region FROM jsonb_to_recordset($2::jsonb) AS x(code text, name text, region text)
    ON CONFLICT (sender_id, code) DO UPDATE SET name = excluded.name, region = coalesce(excluded.region, distributors.region)
    RETURNING id, code`, [senderId, JSON.stringify(list)]);
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function listSenders(db: HqSql) {
  return db.query<{ id: number; key_id: string; book: string; manufacturer_code: string | null; registered_by: string; distributors: number; packages: number }>(`SELECT s.id,
      s.key_id, s.book, s.manufacturer_code, s.registered_by,
      (SELECT count(*)::int FROM distributors d WHERE d.sender_id = s.id) AS distributors,
      (SELECT count(*)::int FROM packages p WHERE p.sender_id = s.id) AS packages
    FROM senders s ORDER BY s.book, s.id`);
}
