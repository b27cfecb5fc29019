import type { Book } from '../../db/connection.js';
import { customerLinks, findableStores, type FindableStore } from '../../db/queries/store-finding.js';
import type { StoreReading } from '../../vocabulary/index.js';
import { UserError, type ErrorPlace } from '../errors.js';
import { proposeStore, type StoreProposal } from './customer-proposals.js';
import { codeCore, normaliseCode, normaliseName, storeCellParts } from './store-cells.js';

/** A store cell as read: the store (null for a chain-level line) and how it was found. */
export interface StoreFound {
  store: FindableStore | null;
  reading: StoreReading;
}

export interface StoreQuery {
  /** the store cell: a code, a name, both joined, or 全系统 */
  cell?: string;
  /** a separate store or customer name column */
  name?: string;
  ka: { id: number; code: string } | null;
  /** the distributor's own ERP file: its codes are customer codes first, the KA's store codes second */
  customerCodesFirst: boolean;
  /** the cell is a store heading row above the lines (大润发上海杨浦店(A021)) */
  fromHeadingRow?: boolean;
  place: ErrorPlace;
}

/** An ERP customer code the book does not know, the rows naming it, and the store its name most likely is. */
export interface UnknownCustomer {
  code: string;
  name: string | null;
  rows: number;
  firstRow: number;
  proposal: StoreProposal | undefined;
}

interface KaIndex {
  byCode: Map<string, FindableStore>;
  byCore: Map<string, FindableStore[]>;
  list: FindableStore[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Finds the store a file's store cell names, the way an accountant would: the KA's store code as written, the code of
 * a cell that joins code and name, the code without the KA's prefix or leading zeros (when only one store fits), the
 * distributor's ERP customer code (from 主数据 or confirmed once), and a name alone when it is unique for the KA.
 * A code that fits no store is refused, never replaced by a guess from the name; an ERP customer code that fits
 * none is gathered with the store its name suggests, for the user to confirm.
 */
export class StoreFinder {
  private loaded = false;
  private all: FindableStore[] = [];
  private readonly byKa = new Map<number, KaIndex>();
  private readonly byCode = new Map<string, FindableStore[]>();
  private readonly byCustomerCode = new Map<string, FindableStore>();
  private readonly cache = new Map<string, StoreFound | UserError>();
  private lastFind: { cell: string; name: string; kaId: number | null; codesFirst: boolean; hit: StoreFound | UserError } | undefined;
  readonly unknownCustomers = new Map<string, UnknownCustomer>();
  /** how each distinct cell was read, for the preview */
  readonly readings = new Map<string, { text: string; found: StoreFound; rows: number }>();

  constructor(private readonly book: Book) {}

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.all = findableStores(this.book);
    const byId = new Map(this.all.map((s) => [s.id, s]));
    for (const s of this.all) {
      let ka = this.byKa.get(s.ka_account_id);
      if (!ka) this.byKa.set(s.ka_account_id, (ka = { byCode: new Map(), byCore: new Map(), list: [] }));
      ka.byCode.set(normaliseCode(s.store_code), s);
      push(ka.byCore, codeCore(s.store_code), s);
      ka.list.push(s);
      push(this.byCode, normaliseCode(s.store_code), s);
      if (s.erp_customer_code) this.byCustomerCode.set(normaliseCode(s.erp_customer_code), s);
    }
    for (const link of customerLinks(this.book)) {
      const store = byId.get(link.store_id);
      if (store && !this.byCustomerCode.has(normaliseCode(link.customer_code))) this.byCustomerCode.set(normaliseCode(link.customer_code), store);
    }
  }

  stores(): FindableStore[] {
    this.load();
    return this.all;
  }

  /** Finds the store of a cell, or throws a UserError naming the cell; unknown ERP customers are also gathered. */
  find(q: StoreQuery): StoreFound | undefined {
    const cell = q.cell?.trim() ?? '';
    const name = q.name?.trim() ?? '';
    if (!cell && !name) return undefined;
    const kaId = q.ka?.id ?? null;
    const codesFirst = q.customerCodesFirst ?? false;
    // The rows of a document name the same store: the row before's answer, without building its key again.
    const last = this.lastFind;
    let hit: StoreFound | UserError | undefined;
    if (last && last.cell === cell && last.name === name && last.kaId === kaId && last.codesFirst === codesFirst) hit = last.hit;
    else {
      const key = `${kaId ?? ''}|${codesFirst ? 1 : 0}|${cell}|${name}`;
      hit = this.cache.get(key);
      if (!hit) {
        try {
          hit = this.lookup(cell, name, q);
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          hit = e;
        }
        this.cache.set(key, hit);
      }
      this.lastFind = { cell, name, kaId, codesFirst, hit };
    }
    if (hit instanceof UserError) {
      const customer = this.unknownCustomers.get(String(hit.params.code ?? ''));
      if (hit.code.startsWith('import.unknown-customer') && customer) customer.rows++;
      throw new UserError(hit.code as never, hit.params, q.place);
    }
    if (q.fromHeadingRow && hit.store) hit = { ...hit, reading: 'heading-row' };
    const shown = this.readings.get(cell || name);
    if (shown) shown.rows++;
    else if (this.readings.size < 500) this.readings.set(cell || name, { text: cell || name, found: hit, rows: 1 });
    return hit;
  }

  /** Whether a cell names a store the book knows (for recognising a store column by its values); never throws. */
  knows(cell: string, ka: { id: number; code: string } | null, customerCodesFirst: boolean): boolean {
    const key = `${ka?.id ?? ''}|${cell}`;
    let known = this.known.get(key);
    if (known === undefined) {
      try {
        known = cell.length <= 60 && this.lookup(cell.trim(), '', { ka, customerCodesFirst, place: {} }, false)?.store != null;
      } catch {
        known = false;
      }
      if (this.known.size > 20_000) this.known.clear();
      this.known.set(key, known);
    }
    return known;
  }

  private readonly known = new Map<string, boolean>();

  private lookup(cell: string, name: string, q: Omit<StoreQuery, 'cell' | 'name'>, gather: false): StoreFound | undefined;
  private lookup(cell: string, name: string, q: Omit<StoreQuery, 'cell' | 'name'>, gather?: true): StoreFound;
  private lookup(cell: string, name: string, q: Omit<StoreQuery, 'cell' | 'name'>, gather = true): StoreFound | undefined {
    this.load();
    const parts = cell ? storeCellParts(cell) : { text: '', chain: false, readings: [] };
    if (parts.chain) return { store: null, reading: 'chain' };
    let firstCode: string | undefined;
    for (const r of parts.readings) {
      if (!r.code) continue;
      firstCode ??= r.code;
      const found = this.byCodes(r.code, q, r.name !== undefined);
      if (found) return found;
    }
    // A name alone (the cell, or a name column beside an empty code) when it is unique for the KA.
    const names = firstCode ? [] : [...parts.readings.filter((r) => !r.code).map((r) => r.name!), ...(name && !cell ? [name] : [])];
    for (const n of names) {
      const found = this.byName(n, q.ka);
      if (found) return found;
    }
    if (!gather) return undefined;
    if (firstCode && q.customerCodesFirst) {
      const customerName = parts.readings.find((r) => r.code === firstCode && r.name)?.name ?? (name || null);
      if (!this.unknownCustomers.has(firstCode)) {
        this.unknownCustomers.set(firstCode, {
          code: firstCode, name: customerName, rows: 0, firstRow: q.place.row ?? 0,
          proposal: customerName ? proposeStore(customerName, q.ka ? this.all.filter((s) => s.ka_account_id === q.ka!.id) : this.all) : undefined,
        });
      }
      throw customerName
        ? new UserError('import.unknown-customer', { code: firstCode, name: customerName }, q.place)
        : new UserError('import.unknown-customer-unnamed', { code: firstCode }, q.place);
    }
    if (!q.ka) throw new UserError('import.unknown-store-any', { text: cell || name }, q.place);
    if (firstCode) throw new UserError('import.unknown-store', { text: cell, ka: q.ka.code }, q.place);
    throw new UserError('import.unknown-store-name', { text: cell || name, ka: q.ka.code }, q.place);
  }

  private byCodes(code: string, q: Omit<StoreQuery, 'cell' | 'name'>, withName: boolean): StoreFound | undefined {
    const norm = normaliseCode(code);
    const customer = () => {
      const s = this.byCustomerCode.get(norm);
      return s && (!q.ka || s.ka_account_id === q.ka.id) ? { store: s, reading: 'customer-code' as const } : undefined;
    };
    if (q.customerCodesFirst) {
      const c = customer();
      if (c) return c;
    }
    const exact = this.exactCode(norm, q.ka);
    if (exact) return { store: exact, reading: withName ? 'code-and-name' : 'code' };
    if (!q.customerCodesFirst) {
      const c = customer();
      if (c) return c;
    }
    // The KA's prefix or leading zeros left off (or added): one store of the KA with the same digits.
    const core = codeCore(code);
    const pool = q.ka ? (this.byKa.get(q.ka.id)?.byCore.get(core) ?? []) : [...this.byKa.values()].flatMap((k) => k.byCore.get(core) ?? []);
    if (pool.length === 1) {
      const s = pool[0]!;
      const stored = normaliseCode(s.store_code);
      const lettersDiffer = stored.replace(/[^A-Z]/g, '') !== norm.replace(/[^A-Z]/g, '');
      return { store: s, reading: lettersDiffer ? 'code-without-prefix' : 'code-without-zeros' };
    }
    return undefined;
  }

  private exactCode(norm: string, ka: { id: number; code: string } | null): FindableStore | undefined {
    if (ka) return this.byKa.get(ka.id)?.byCode.get(norm);
    const all = this.byCode.get(norm) ?? [];
    if (all.length > 1) throw new UserError('import.store-in-several-kas', { code: norm, kas: all.map((s) => s.ka_code) });
    return all[0];
  }

  private byName(name: string, ka: { id: number; code: string } | null): StoreFound | undefined {
    const pool = ka ? (this.byKa.get(ka.id)?.list ?? []) : this.all;
    const wanted = normaliseName(name, pool.map((s) => s.ka_name));
    if (wanted.length < 2) return undefined;
    const exact = pool.filter((s) => normaliseName(s.name, [s.ka_name]) === wanted);
    const hits = exact.length ? exact : pool.filter((s) => {
      const n = normaliseName(s.name, [s.ka_name]);
      return n.includes(wanted) || (wanted.includes(n) && n.length >= 2);
    });
    if (hits.length > 1) throw new UserError('import.store-name-ambiguous', { name, stores: hits.slice(0, 5).map((s) => `${s.ka_code}/${s.store_code} ${s.name}`) });
    return hits[0] ? { store: hits[0], reading: 'name' } : undefined;
  }
}
