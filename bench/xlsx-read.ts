import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openTable } from '../core/import/read-rows.js';
import { report } from './measure.js';

/** Writes a receiving export of `rows` lines as a portal would (shared strings, a date column), once per cache. */
async function writeXlsx(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('验收单');
  ws.addRow(['门店编号', '验收单号', '验收日期', '订单号', '商品编码', '实收数量', '单价', '验收金额', '备注']).commit();
  for (let i = 0; i < rows; i++) {
    ws.addRow([`A${i % 300}`, `YS${Math.floor(i / 20)}`, new Date(Date.UTC(2026, 9, 1 + (i % 28))), `RT${i}`, `P00${i % 9}`, i % 97, 6.4, (i % 97) * 6.4, `大润发上海杨浦店第${i % 500}号门店`]).commit();
  }
  ws.commit();
  await wb.commit();
}

async function timed(read: () => Promise<number>): Promise<{ seconds: number; rows: number }> {
  const start = process.hrtime.bigint();
  const rows = await read();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, rows };
}

/**
 * `read.xlsx`: our verified reader (CRC-32 and sizes checked, every cell reference checked) against exceljs'
 * streaming reader on the same file, which checks nothing — the price of reading a workbook exactly.
 */
export async function benchXlsxRead(cache: string, scale: string, rows: number, print: (line: object) => void): Promise<void> {
  const path = join(cache, `receipts-${rows}.xlsx`);
  if (!existsSync(path)) await writeXlsx(path, rows);
  const baseline = await timed(async () => {
    let n = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', worksheets: 'emit', styles: 'cache' });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) if (row.values) n++;
      break;
    }
    return n;
  });
  const ours = await timed(async () => {
    let n = 0;
    for await (const row of (await openTable(path)).rows) if (row.cells) n++;
    return n;
  });
  print(report('read.xlsx', scale, ours, "exceljs' streaming reader (no checksums, no checks) on the same file", baseline));
}
