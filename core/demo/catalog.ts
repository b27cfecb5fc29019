/**
 * The fixed cast of the demo book: one snack-food manufacturer, its distributors by region, five KA systems with
 * their own store-code and document-number habits, and the fee wording each KA prints on its statements.
 */
import type { FeeType } from '../master-data/schemas.js';

export const MANUFACTURER = { code: 'M01', name: '示例食品有限公司' };

export interface RegionSpec { region: string; cities: string[]; distributor: string }

export const DISTRIBUTORS = [
  { code: 'D01', name: '上海华东商贸有限公司', region: '华东', contact: '王会计', phone: '021-6555-0101' },
  { code: 'D02', name: '北京华北食品经营部', region: '华北', contact: '李会计', phone: '010-8555-0202' },
  { code: 'D03', name: '广州华南贸易有限公司', region: '华南', contact: '陈会计', phone: '020-3555-0303' },
  { code: 'D04', name: '成都西部商贸有限公司', region: '西部', contact: '张会计', phone: '028-8555-0404' },
];

export const REGIONS: RegionSpec[] = [
  { region: '华东', cities: ['上海', '苏州', '杭州', '南京', '无锡', '宁波'], distributor: 'D01' },
  { region: '华北', cities: ['北京', '天津', '青岛', '济南', '石家庄'], distributor: 'D02' },
  { region: '华南', cities: ['广州', '深圳', '东莞', '佛山'], distributor: 'D03' },
  { region: '西部', cities: ['成都', '重庆', '西安', '昆明'], distributor: 'D04' },
];

export interface KaSpec {
  code: string;
  name: string;
  terms: number;
  stores: number;
  storeCode: (n: number, cityIndex: number) => string;
  /** how this KA numbers its receiving records, returns, deductions, remittances, statements */
  prefix: { receipt: string; return: string; deduction: string; remittance: string; statement: string; po: string };
  /** the fee wording this KA prints, by fee type */
  feeWords: Partial<Record<FeeType, string[]>>;
}

export const KA_ACCOUNTS: KaSpec[] = [
  {
    code: 'RTM', name: '大润发', terms: 60, stores: 30,
    storeCode: (n) => `A${String(n + 10).padStart(3, '0')}`,
    prefix: { receipt: 'YS', return: 'TH', deduction: 'KF', remittance: 'FK', statement: 'DZ', po: 'RT' },
    feeWords: {
      barcode: ['条码费', '新品条码费'], dm: ['DM费', '海报费'], anniversary: ['店庆费'], festival: ['节庆费', '中秋节庆费', '春节节庆费'],
      end_cap: ['端架费'], display: ['堆头费'], info_service: ['信息服务费'], promo_service: ['促销服务费'], shrinkage: ['损耗补偿'], entry: ['进场费'],
    },
  },
  {
    code: 'CRF', name: '家乐福', terms: 60, stores: 26,
    storeCode: (n, c) => `CRF${String(c + 1).padStart(2, '0')}${String(n + 1).padStart(3, '0')}`,
    prefix: { receipt: 'GR', return: 'RV', deduction: 'DN', remittance: 'PM', statement: 'ST', po: 'CF' },
    feeWords: {
      barcode: ['新品费', '条码费'], dm: ['海报费', 'DM海报费'], anniversary: ['店庆赞助费'], festival: ['节日赞助费'],
      end_cap: ['端架陈列费'], display: ['堆头陈列费'], info_service: ['系统信息费'], promo_service: ['促销员管理费'], shrinkage: ['损耗费'], entry: ['新店进场费'],
    },
  },
  {
    code: 'WMT', name: '沃尔玛', terms: 45, stores: 24,
    storeCode: (n) => String(2300 + n * 7),
    prefix: { receipt: 'WR', return: 'WRT', deduction: 'WD', remittance: 'WP', statement: 'WS', po: '88' },
    feeWords: {
      barcode: ['新品进场费'], dm: ['DM费'], anniversary: ['店庆费'], festival: ['节庆费'], end_cap: ['端架费'],
      display: ['地堆费'], info_service: ['Retail Link信息费'], promo_service: ['促销服务费'], shrinkage: ['损耗'], entry: ['进场费'],
    },
  },
  {
    code: 'MET', name: '麦德龙', terms: 30, stores: 20,
    storeCode: (n) => String(n * 3 + 11),
    prefix: { receipt: 'GRN', return: 'RTN', deduction: 'MD', remittance: 'MP', statement: 'MS', po: '700' },
    feeWords: {
      barcode: ['Listing Fee 条码费'], dm: ['Mailing Fee 邮报费'], anniversary: ['店庆费'], festival: ['节庆费'], end_cap: ['端架费'],
      display: ['堆头费'], info_service: ['信息服务费'], promo_service: ['促销服务费'], shrinkage: ['损耗'], entry: ['进场费'],
    },
  },
  {
    code: 'YH', name: '永辉', terms: 45, stores: 28,
    storeCode: (n, c) => `YH${String(c + 1).padStart(2, '0')}${String(n + 1).padStart(2, '0')}`,
    prefix: { receipt: 'YHS', return: 'YHT', deduction: 'YHK', remittance: 'YHF', statement: 'YHD', po: 'YP' },
    feeWords: {
      barcode: ['条码费'], dm: ['海报费'], anniversary: ['店庆费'], festival: ['节庆费'], end_cap: ['端架费'], display: ['堆头费'],
      info_service: ['信息服务费'], promo_service: ['促销服务费'], shrinkage: ['损耗'], entry: ['进场费'],
    },
  },
];

/** Wording no synonym table knows: these deductions must end up flagged for dispute. */
export const UNKNOWN_FEE_WORDS = ['系统维护费', '服务管理费', '其他扣款'];

const CATEGORIES = [
  { name: '饼干', specs: ['100g', '200g', '400g'], price: [420, 980], pack: [24, 12] },
  { name: '蛋卷', specs: ['150g', '450g礼盒'], price: [890, 3990], pack: [12, 8] },
  { name: '威化', specs: ['120g', '300g'], price: [560, 1290], pack: [24, 12] },
  { name: '薯片', specs: ['70g', '135g'], price: [450, 790], pack: [24, 20] },
  { name: '糖果', specs: ['150g', '500g'], price: [690, 1990], pack: [20, 10] },
  { name: '巧克力', specs: ['43g', '249g'], price: [390, 3290], pack: [48, 12] },
  { name: '果冻', specs: ['6连杯', '1kg'], price: [590, 1590], pack: [12, 8] },
  { name: '坚果', specs: ['150g', '750g礼盒'], price: [1990, 8990], pack: [12, 6] },
  { name: '沙琪玛', specs: ['252g', '526g'], price: [690, 1290], pack: [12, 8] },
];
const FLAVOURS = ['原味', '巧克力味', '草莓味', '海苔味', '芝士味', '椰香', '抹茶味', '蜂蜜味', '黑糖味'];

export interface ProductSpec { sku: string; barcode: string; name: string; spec: string; casePack: number; basePrice: number }

/** EAN-13 check digit of a 12-digit body. */
export function ean13(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3);
  return body12 + String((10 - (sum % 10)) % 10);
}

/** 9 categories × 9 flavours × their sizes: 162 products with valid 69- barcodes. */
export function productCatalog(): ProductSpec[] {
  const out: ProductSpec[] = [];
  let n = 0;
  for (const cat of CATEGORIES) {
    for (const flavour of FLAVOURS) {
      cat.specs.forEach((spec, i) => {
        n++;
        const low = cat.price[0]!;
        const high = cat.price[1]!;
        const step = ((n * 37) % 10) / 10;
        const yuanE2 = Math.round(i === 0 ? low + (high - low) * 0.3 * step : high - (high - low) * 0.2 * step);
        out.push({
          sku: `P${String(n).padStart(3, '0')}`,
          barcode: ean13(`6901234${String(n).padStart(5, '0')}`),
          name: `示例${flavour}${cat.name}`,
          spec,
          casePack: cat.pack[i] ?? 12,
          basePrice: yuanE2 * 100, // 1/10,000 yuan
        });
      });
    }
  }
  return out;
}
