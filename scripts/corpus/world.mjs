// The corpus's world: one snack manufacturer's distributor selling to eight KA chains, with the stores, products and
// codes each chain and each of the distributor's ERPs uses for them. The master-data files written from it are what
// the corpus book holds before any export is imported.
import { ean13 } from './money.mjs';

export const MANUFACTURER = { code: 'M01', name: '示例食品有限公司' };
export const DISTRIBUTOR = { code: 'D01', name: '上海华东商贸有限公司', region: '华东' };

/** The eight chains, with their store codes as the KA numbers them (prefixes and leading zeros included). */
export const KAS = [
  { code: 'RTM', name: '大润发', terms: 60, stores: [['A021', '大润发上海杨浦店'], ['A035', '大润发苏州园区店'], ['A108', '大润发杭州萧山店']] },
  { code: 'CRF', name: '家乐福', terms: 60, stores: [['101', '家乐福上海古北店'], ['102', '家乐福上海万里店'], ['215', '家乐福北京中关村店']] },
  { code: 'WMT', name: '沃尔玛', terms: 45, stores: [['2035', '沃尔玛深圳洪湖店'], ['2037', '沃尔玛深圳蛇口店'], ['5836', '沃尔玛广州天河店']] },
  { code: 'YH', name: '永辉', terms: 45, stores: [['9A12', '永辉福州金山店'], ['9B03', '永辉重庆解放碑店'], ['9C21', '永辉成都春熙路店']] },
  { code: 'MET', name: '麦德龙', terms: 30, stores: [['11', '麦德龙上海普陀商场'], ['27', '麦德龙苏州商场'], ['35', '麦德龙无锡商场']] },
  { code: 'CRV', name: '华润万家', terms: 60, stores: [['1012', '华润万家深圳蛇口店'], ['1020', '华润万家深圳福田店'], ['2033', '华润万家天津南开店']] },
  { code: 'WM', name: '物美', terms: 45, stores: [['0101', '物美联想桥店'], ['0108', '物美德胜门店'], ['0216', '物美天津河东店']] },
  { code: 'LH', name: '联华', terms: 60, stores: [['LH0035', '联华南京东路店'], ['LH0042', '联华徐家汇店'], ['LH0117', '联华杭州庆春店']] },
];

/** Our SKUs with valid 69- barcodes; the price is the supply price (含税) before each chain's own adjustment. */
export const PRODUCTS = [
  { sku: 'P101', barcode: ean13('690123450101'), name: '示例原味苏打饼干', spec: '400g', pack: 12, price: 98_000 },
  { sku: 'P102', barcode: ean13('690123450102'), name: '示例芝麻苏打饼干', spec: '400g', pack: 12, price: 102_000 },
  { sku: 'P201', barcode: ean13('690123450201'), name: '示例鸡蛋卷', spec: '150g', pack: 24, price: 64_000 },
  { sku: 'P202', barcode: ean13('690123450202'), name: '示例蛋卷礼盒', spec: '450g', pack: 8, price: 399_000 },
  { sku: 'P301', barcode: ean13('690123450301'), name: '示例夹心威化', spec: '200g', pack: 24, price: 72_500 },
  { sku: 'P302', barcode: ean13('690123450302'), name: '示例巧克力威化', spec: '200g', pack: 24, price: 76_800 },
];

/** What each chain pays per product (1/10,000 yuan): the list price with the chain's own terms. */
export function kaPrice(ka, product) {
  const offset = { RTM: 0, CRF: -1_000, WMT: -1_500, YH: 500, MET: -2_000, CRV: 0, WM: 700, LH: -500 }[ka];
  return product.price + offset;
}

/** The chains' own item numbers (大润发货号, 家乐福商品编码, Walmart Item Nbr, Metro Article): learned beside a barcode. */
export function kaItemCode(ka, product) {
  const n = PRODUCTS.indexOf(product);
  return { RTM: `10${String(4211 + n * 7)}`, CRF: `${308_811 + n * 13}`, WMT: `${55_102_340 + n * 11}`, MET: `${100_501 + n}`, YH: `${31_000_100 + n * 3}` }[ka];
}

export const store = (ka, code) => {
  const k = KAS.find((x) => x.code === ka);
  const s = k.stores.find(([c]) => c === code);
  if (!s) throw new Error(`no store ${ka}/${code}`);
  return { ka, code: s[0], name: s[1], kaName: k.name };
};

/**
 * The distributor's ERP customer codes, per system: each ERP numbers customers its own way. U8's codes are in the
 * stores' master data (ERP客户编码); the others were confirmed once (the corpus's customers file).
 */
export const CUSTOMERS = {
  u8: { style: (i) => `01010${String(i + 1).padStart(2, '0')}`, stores: [['RTM', 'A021'], ['RTM', 'A035'], ['CRF', '101'], ['CRF', '215']] },
  tplus: { style: (i) => `KH${String(i + 1).padStart(4, '0')}`, stores: [['WMT', '2035'], ['WMT', '5836'], ['YH', '9A12']] },
  k3: { style: (i) => `01.${String(i + 1).padStart(3, '0')}`, stores: [['MET', '11'], ['MET', '27'], ['CRV', '1012']] },
  kis: { style: (i) => `1.${String(i + 1).padStart(2, '0')}`, stores: [['WM', '0101'], ['WM', '0216'], ['LH', 'LH0035']] },
  jdy: { style: (i) => `C${String(i + 1).padStart(4, '0')}`, stores: [['RTM', 'A108'], ['CRF', '102']] },
  cloud: { style: (i) => `CUST${String(i + 1).padStart(4, '0')}`, stores: [['WMT', '2037'], ['YH', '9B03'], ['YH', '9C21']] },
  gjp: { style: (i) => `000${String(i + 12)}`, stores: [['LH', 'LH0042'], ['LH', 'LH0117'], ['CRV', '2033']] },
  sd: { style: (i) => `KH-${String(i + 1).padStart(4, '0')}`, stores: [['CRV', '1020'], ['WM', '0108'], ['MET', '35']] },
};

/** The customer code system `erp` gives store ka/code. */
export function customerCode(erp, ka, code) {
  const i = CUSTOMERS[erp].stores.findIndex(([k, c]) => k === ka && c === code);
  if (i < 0) throw new Error(`${erp} has no customer for ${ka}/${code}`);
  return CUSTOMERS[erp].style(i);
}

/** How the ERP names a customer: the chain, the city and the store, rarely as the KA writes it. */
export function customerName(ka, code) {
  const s = store(ka, code);
  const local = s.name.replace(s.kaName, '');
  return `${s.kaName}${local}`.replace(/^(.+?)(上海|苏州|杭州|北京|深圳|广州|福州|重庆|成都|天津|南京|无锡)(.*)$/, '$2$1$3');
}

/** A small deterministic random number source (the same corpus every run). */
export function random(seed) {
  let s = seed >>> 0;
  return {
    next() {
      s = (s * 1_664_525 + 1_013_904_223) >>> 0;
      return s / 2 ** 32;
    },
    int(lo, hi) {
      return lo + Math.floor(this.next() * (hi - lo + 1));
    },
    pick(list) {
      return list[Math.floor(this.next() * list.length)];
    },
  };
}
