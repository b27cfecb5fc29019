import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertIsoDate } from '../../core/calendar/dates.js';
import { UserError } from '../../core/errors.js';
import { formatFen } from '../../core/money/format.js';
import { CREDIT_METHODS } from '../../vocabulary/index.js';
import type { HqDb } from '../db/connection.js';
import { approvedUncredited, claimsOfCreditsFile, creditsFileById, insertCreditsFile, markCredited } from '../db/queries/claims.js';
import { netCredits } from './credits-netting.js';
import { appendHqAudit } from './hq-audit.js';
import { requireHqRole, type HqSignedIn } from './hq-users.js';

/** The words `ka-settle import BOOK manufacturer-credits FILE` recognises, for each credit method. */
const METHOD_WORDS: Record<(typeof CREDIT_METHODS)[number], string> = { cash: '现金', goods: '货补', invoice_discount: '票折', transfer: '转账' };
const HEADINGS = ['核销单号', '日期', '厂家编码', '经销商编码', '系统编码', '兑付方式', '参考单号', '金额', '备注'];

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * A credits file as its distributor's book imports it: one credit per claim, naming the claim as its reference; a red
 * claim set off in the file is a negative credit naming it, so the file's lines add up to what is paid.
 */
export async function creditsFileText(db: HqDb, fileNo: string): Promise<{ name: string; text: string; claims: number; amountFen: number; distributor: string; book: string }> {
  const file = await creditsFileById(db, fileNo);
  if (!file) throw new UserError('hq.no-credits-file', { fileNo });
  const rows = await claimsOfCreditsFile(db, file.id);
  const lines = [HEADINGS.join(','), ...rows.map((r) => [r.credit_no, file.credit_date, file.manufacturer_code ?? '', file.distributor, r.ka ?? '',
    METHOD_WORDS[file.method as keyof typeof METHOD_WORDS] ?? file.method, r.doc_no, formatFen(r.open_fen, { grouped: false }),
    r.open_fen < 0 ? `总部批准 ${r.period} 红字费用申请冲抵` : `总部批准 ${r.period} 费用申请`].map(csvCell).join(','))];
  // UTF-8 with a byte-order mark: what Excel on a Chinese Windows opens without garbling.
  return { name: `${file.file_no}-${file.distributor}.csv`, text: `\ufeff${lines.join('\r\n')}\r\n`, claims: rows.length, amountFen: file.amount_fen, distributor: file.distributor, book: file.book };
}

/**
 * 厂家核销单: for each distributor with approved claims not yet paid (or the one named), one credits file paying each
 * of them in full, dated `date`, in one transaction, its approved red claims set off against them (netCredits); the
 * claims become credited and can never be paid twice.
 * Files are written into `folder`; their numbers are kept, so any file can be written again (`hq credits --again`).
 */
export async function writeCreditsFiles(db: HqDb, o: { folder: string; date: string; method?: (typeof CREDIT_METHODS)[number]; distributorId?: number | null; user: HqSignedIn }) {
  requireHqRole(o.user, ['credit_controller'], 'credits');
  const date = assertIsoDate(o.date, { field: 'date' });
  const method = o.method ?? 'cash';
  if (method === 'transfer') throw new UserError('hq.bad-credit-method', { method });
  const made = await db.transaction(async (tx) => {
    const claims = await approvedUncredited(tx, o.distributorId ?? null);
    const byDistributor = new Map<number, typeof claims>();
    for (const c of claims) byDistributor.set(c.distributor_id, [...(byDistributor.get(c.distributor_id) ?? []), c]);
    const files: string[] = [];
    for (const [distributorId, due] of byDistributor) {
      const { paid: list, netFen: amount } = netCredits(due);
      if (!list.length) continue;
      const f = await insertCreditsFile(tx, { distributor_id: distributorId, credit_date: date, method, claims: list.length, amount_fen: amount, written_by: o.user.username });
      let n = 0;
      for (const c of list) await markCredited(tx, c.id, f.id, `${f.file_no}-${String(++n).padStart(3, '0')}`);
      await appendHqAudit(tx, { actor: o.user.username, action: 'credits-file', entity: 'credits_file', entityKey: f.file_no,
        after: { distributor: `${list[0]!.book}/${list[0]!.distributor}`, date, method, claims: list.map((c) => c.doc_no), amountFen: amount,
          setOff: list.filter((c) => c.open_fen < 0).map((c) => c.doc_no), waiting: due.filter((c) => !list.includes(c)).map((c) => c.doc_no) } });
      files.push(f.file_no);
    }
    return files;
  });
  const out = [];
  for (const fileNo of made) out.push(await writeCreditsFileAgain(db, fileNo, o.folder));
  return out;
}

export async function writeCreditsFileAgain(db: HqDb, fileNo: string, folder: string) {
  const f = await creditsFileText(db, fileNo);
  const path = join(folder, f.name);
  writeFileSync(path, f.text, 'utf8');
  return { fileNo, path, claims: f.claims, amountFen: f.amountFen, distributor: f.distributor, book: f.book };
}
