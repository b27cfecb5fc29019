import { createWriteStream } from 'node:fs';
import type { Book } from '../db/connection.js';
import { listProducts, listStores } from '../db/queries/listings.js';
import { lineAmount } from '../core/money/rounding.js';
import { formatFen, formatPrice } from '../core/money/format.js';

/**
 * Writes a delivery CSV of n lines, as a distributor's ERP exports it (20 lines a delivery note), naming the
 * stores and products of the given book.
 */
export async function writeDeliveryCsv(book: Book, path: string, n: number): Promise<void> {
  const stores = listStores(book, { limit: 10_000, offset: 0 });
  const products = listProducts(book, { limit: 10_000, offset: 0 });
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('送货单号,送货日期,订单号,系统编码,门店编号,商品编码,数量,单价,金额\n');
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const doc = Math.floor(i / 20);
    const store = stores[doc % stores.length]!;
    const product = products[(i * 7) % products.length]!;
    const day = 1 + (doc % 28);
    const qty = (1 + (i % 9)) * 12_000;
    const price = 64_000 + (i % 50) * 100;
    chunk += `XS${String(doc).padStart(8, '0')},2026-03-${String(day).padStart(2, '0')},PO${doc},${store.ka},${store.store_code},${product.sku},${qty / 1000},${formatPrice(price)},"${formatFen(lineAmount(qty, price))}"\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
