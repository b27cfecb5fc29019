import { UserError } from '../errors.js';
import type { MasterDataWriter } from '../master-data/save-master-data.js';
import type { PromotionInput } from '../master-data/schemas.js';
import type { FieldReader } from './field-reader.js';
import type { MasterKind } from './import-kinds.js';

export interface MasterRowOptions {
  kind: Exclude<MasterKind, 'contracts' | 'promotions'>;
  kaCode?: string;
}

function kaCode(r: FieldReader, o: { kaCode?: string }): string {
  const code = r.optText('kaCode') ?? o.kaCode;
  if (!code) throw new UserError('import.no-ka-master', {}, r.place('kaCode'));
  return code;
}

/** The product code a row names: SKU, else barcode (master files carry no KA item codes). */
function productCode(r: FieldReader): string {
  const code = r.optText('sku') ?? r.optText('barcode');
  if (!code) throw new UserError('import.no-product-code', {}, r.place('sku'));
  return code;
}

/** Writes one master-data row; returns its key, for spotting the same key twice in one file. */
export function masterRow(r: FieldReader, writer: MasterDataWriter, o: MasterRowOptions): string {
  const withPlace = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      // The writer names the schema field (casePack); the user knows the column (箱规 (column E)).
      if (e instanceof UserError && e.place.field && r.record.columnOf[e.place.field]) {
        throw e.withPlace({ ...e.place, ...r.place(e.place.field) });
      }
      throw e;
    }
  };
  const opt = (field: string) => r.optText(field) ?? null;
  switch (o.kind) {
    case 'manufacturers': {
      const code = r.text('code');
      withPlace(() => writer.manufacturer({ code, name: r.text('name') }));
      return code;
    }
    case 'distributors': {
      const code = r.text('code');
      withPlace(() => writer.distributor({ code, name: r.text('name'), manufacturerCode: r.text('manufacturerCode'), region: opt('region'), contact: opt('contact'), phone: opt('phone') }));
      return code;
    }
    case 'ka-accounts': {
      const code = r.text('code');
      withPlace(() => writer.kaAccount({ code, name: r.text('name'), paymentTermsDays: r.int('paymentTermsDays'), contact: opt('contact'), phone: opt('phone') }));
      return code;
    }
    case 'stores': {
      const ka = kaCode(r, o);
      const storeCode = r.text('storeCode');
      withPlace(() => writer.store({ kaCode: ka, storeCode, name: r.text('name'), region: r.text('region'), city: opt('city'),
        distributorCode: opt('distributorCode'), openedOn: r.optDate('openedOn') ?? null, ...(r.has('erpCustomerCode') ? { erpCustomerCode: r.text('erpCustomerCode') } : {}) }));
      return `${ka}/${storeCode}`;
    }
    case 'products': {
      const sku = r.text('sku');
      withPlace(() => writer.product({ sku, barcode: opt('barcode'), name: r.text('name'), spec: opt('spec'),
        casePack: r.has('casePack') ? r.int('casePack') : 1, vatRate: r.has('vatRate') ? r.rate('vatRate') : 130_000, manufacturerCode: opt('manufacturerCode') }));
      return sku;
    }
    case 'prices': {
      const ka = kaCode(r, o);
      const sku = productCode(r);
      const region = r.optText('region') ?? '';
      const validFrom = r.date('validFrom');
      withPlace(() => writer.price({ kaCode: ka, sku, region, price: r.price('price'), validFrom, validTo: r.date('validTo') }));
      return `${ka}/${sku}/${region}/${validFrom}`;
    }
  }
}

/** Promotion rows: one per product, the promotion's own fields repeated (or merged) on each. */
const PROMOTION_KINDS: Record<string, 'special' | 'dm' | 'national'> = {
  special: 'special', 特价: 'special', 特价活动: 'special', dm: 'dm', 海报: 'dm', 档期: 'dm', national: 'national', 全国: 'national', 全国促销: 'national',
};

export function promotionRow(r: FieldReader, o: { kaCode?: string; manufacturerCode?: string }): { code: string; input: PromotionInput } {
  const code = r.text('code');
  const kindText = r.optText('kind');
  const kind = kindText ? PROMOTION_KINDS[kindText.toLowerCase()] : 'special';
  if (!kind) throw new UserError('import.unknown-promotion-kind', { text: kindText }, r.place('kind'));
  const manufacturerCode = r.optText('manufacturerCode') ?? o.manufacturerCode;
  if (!manufacturerCode) throw new UserError('import.several-manufacturers', {}, r.place('manufacturerCode'));
  const stores = (r.optText('stores') ?? '').split(/[;,，；、\s]+/).filter(Boolean);
  return {
    code,
    input: {
      code, kaCode: kaCode(r, o), manufacturerCode, name: r.text('name'), kind,
      startDate: r.date('startDate'), endDate: r.date('endDate'),
      products: [{ sku: productCode(r), normalPrice: r.price('normalPrice'), promoPrice: r.price('promoPrice') }],
      stores,
    },
  };
}
