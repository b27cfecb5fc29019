import type { Book } from '../../db/connection.js';
import { MasterDataWriter } from '../../core/master-data/save-master-data.js';

/** The September sample of ../shared/fixtures/sep as master data: one manufacturer, one distributor, two KAs. */
export function addSmallWorld(book: Book) {
  return book.write(() => {
    const w = new MasterDataWriter(book, 'tester');
    const id = (v: number | 'unchanged') => (typeof v === 'number' ? v : -1);
    const manufacturerId = id(w.manufacturer({ code: 'M01', name: '示例食品有限公司' }));
    const distributorId = id(w.distributor({ code: 'D01', name: '上海华东商贸有限公司', manufacturerCode: 'M01', region: '华东' }));
    const rtm = id(w.kaAccount({ code: 'RTM', name: '大润发', paymentTermsDays: 60 }));
    const met = id(w.kaAccount({ code: 'MET', name: '麦德龙', paymentTermsDays: 30 }));
    const a021 = id(w.store({ kaCode: 'RTM', storeCode: 'A021', name: '大润发上海杨浦店', region: '华东', distributorCode: 'D01' }));
    const s11 = id(w.store({ kaCode: 'MET', storeCode: '11', name: '麦德龙上海普陀商场', region: '华东', distributorCode: 'D01' }));
    const p001 = id(w.product({ sku: 'P001', barcode: '6901234500017', name: '示例原味饼干', spec: '200g', casePack: 24, vatRate: 130_000, manufacturerCode: 'M01' }));
    const p003 = id(w.product({ sku: 'P003', barcode: '6901234500031', name: '示例蛋卷礼盒', spec: '450g', casePack: 8, vatRate: 130_000, manufacturerCode: 'M01' }));
    w.price({ kaCode: 'RTM', sku: 'P001', price: 64_000, validFrom: '2026-01-01', validTo: '2026-12-31' });
    w.price({ kaCode: 'RTM', sku: 'P003', price: 399_000, validFrom: '2026-01-01', validTo: '2026-12-31' });
    return { manufacturerId, distributorId, rtm, met, a021, s11, p001, p003 };
  });
}
