import type { Book } from '../../db/connection.js';
import { auxParties, deleteGlAuxItem, glAuxItems, upsertGlAuxItem, type AuxPartyRow } from '../../db/queries/gl-mapping.js';
import type { AuxParty } from '../../vocabulary/index.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError } from '../errors.js';
import { requirePermission } from '../users/permissions.js';
import type { SignedIn } from '../users/users.js';
import { assertGlCode } from './gl-code.js';
import type { AuxItem } from './voucher-types.js';

/**
 * 核算项目对照: the GL's code and name for a KA account or store (客户), a manufacturer (供应商) or a distributor
 * (部门). A party the user has not mapped goes to the GL under the book's own code and name (a store as
 * KA-store, e.g. RTM-A021), which is what the window shows before the first export.
 */
export class AuxCodes {
  private readonly overrides = new Map<string, AuxItem>();

  constructor(book: Book) {
    for (const r of glAuxItems(book)) this.overrides.set(`${r.party}:${r.party_id}`, { code: r.gl_code, name: r.gl_name });
  }

  item(party: AuxParty, id: number, ownCode: string, ownName: string): AuxItem {
    return this.overrides.get(`${party}:${id}`) ?? { code: ownCode, name: ownName };
  }
}

export interface AuxItemView {
  party: AuxParty;
  code: string;
  name: string;
  glCode: string;
  glName: string;
  overridden: boolean;
}

export function auxItemsView(book: Book): AuxItemView[] {
  const codes = new AuxCodes(book);
  const overridden = new Set(glAuxItems(book).map((r) => `${r.party}:${r.party_id}`));
  return auxParties(book).map((p) => {
    const gl = codes.item(p.party, p.party_id, p.code, p.name);
    return { party: p.party, code: p.code, name: p.name, glCode: gl.code, glName: gl.name, overridden: overridden.has(`${p.party}:${p.party_id}`) };
  });
}

function findParty(book: Book, party: AuxParty, code: string): AuxPartyRow {
  const found = auxParties(book).find((p) => p.party === party && p.code === code);
  if (!found) throw new UserError('vouchers.unknown-party', { party, code }, { field: 'code' });
  return found;
}

/**
 * Maps one party to its GL code and name; an empty code takes the mapping away (the party goes under its own code
 * again). Audited with before and after.
 */
export function setAuxItem(book: Book, user: SignedIn, party: AuxParty, code: string, gl: { code: string; name: string } | null): AuxItemView {
  requirePermission(user, 'vouchers');
  return book.write(() => {
    const p = findParty(book, party, code.trim());
    const before = auxItemsView(book).find((v) => v.party === party && v.code === p.code)!;
    if (gl === null || gl.code.trim() === '') deleteGlAuxItem(book, party, p.party_id);
    else {
      const glCode = assertGlCode(gl.code);
      const glName = gl.name.trim() || p.name;
      upsertGlAuxItem(book, { party, party_id: p.party_id, gl_code: glCode, gl_name: glName, changed_by: user.username });
    }
    const after = auxItemsView(book).find((v) => v.party === party && v.code === p.code)!;
    new AuditWriter(book).append({
      actor: user.username, action: 'set', entity: 'gl_aux_item', entityKey: `${party}:${p.code}`,
      before: { code: before.glCode, name: before.glName }, after: { code: after.glCode, name: after.glName },
    });
    return after;
  });
}
