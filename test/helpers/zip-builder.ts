import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A part whose content is `head`, then `block` repeated `times`, then `tail`: deflated as independent segments
 * (each ended by a full flush, so no back-reference crosses them) and the block's segment written `times` over.
 * A sheet of millions of rows is so made in milliseconds and a few megabytes, as a hostile file would be.
 */
export interface Part {
  name: string;
  head: string | Buffer;
  block?: string | Buffer;
  times?: number;
  tail?: string | Buffer;
  /** a size to declare instead of the true one (a zip bomb that lies) */
  declaredSize?: number;
}

const bytes = (x: string | Buffer | undefined) => (x === undefined ? Buffer.alloc(0) : typeof x === 'string' ? Buffer.from(x, 'utf8') : x);

/** Writes a zip of the parts (deflated, sizes and CRC-32 in the local headers and the directory). */
export function writeZip(path: string, parts: Part[]): void {
  const fd = openSync(path, 'w');
  let offset = 0;
  const write = (b: Buffer) => {
    writeSync(fd, b);
    offset += b.length;
  };
  const directory: Buffer[] = [];
  try {
    for (const part of parts) {
      const head = bytes(part.head);
      const block = bytes(part.block);
      const tail = bytes(part.tail);
      const times = part.times ?? 0;
      const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
      const segments = [deflateRawSync(head, flush), deflateRawSync(block, flush), deflateRawSync(tail, { level: 9 })];
      // (crc32 of an empty buffer with a running value is not to be relied on: empty pieces are left out.)
      let crc = crc32(head);
      if (block.length) for (let i = 0; i < times; i++) crc = crc32(block, crc);
      if (tail.length) crc = crc32(tail, crc);
      const size = head.length + block.length * times + tail.length;
      const compressed = segments[0]!.length + segments[1]!.length * times + segments[2]!.length;
      const declared = part.declaredSize ?? size;
      const name = Buffer.from(part.name, 'utf8');
      const header = (central: boolean) => {
        const h = Buffer.alloc(central ? 46 : 30);
        h.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
        // The directory entry has "version made by" before the fields both share.
        const p = central ? 6 : 4;
        if (central) h.writeUInt16LE(20, 4);
        h.writeUInt16LE(20, p);
        h.writeUInt16LE(0x0800, p + 2);
        h.writeUInt16LE(8, p + 4);
        h.writeUInt32LE(crc >>> 0, p + 10);
        h.writeUInt32LE(compressed, p + 14);
        h.writeUInt32LE(declared, p + 18);
        h.writeUInt16LE(name.length, p + 22);
        if (central) h.writeUInt32LE(offset, 42);
        return h;
      };
      directory.push(Buffer.concat([header(true), name]));
      write(Buffer.concat([header(false), name]));
      write(segments[0]!);
      for (let i = 0; i < times; i++) write(segments[1]!);
      write(segments[2]!);
    }
    const start = offset;
    for (const d of directory) write(d);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(parts.length, 8);
    end.writeUInt16LE(parts.length, 10);
    end.writeUInt32LE(offset - start, 12);
    end.writeUInt32LE(start, 16);
    write(end);
  } finally {
    closeSync(fd);
  }
}

/** The parts of a minimal workbook around a sheet (shared strings optional). */
export function workbookParts(sheet: Omit<Part, 'name'>, sharedStrings?: string): Part[] {
  const ct = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  const workbook = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const workbookRels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    + (sharedStrings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : '')
    + '</Relationships>';
  return [
    { name: '[Content_Types].xml', head: ct },
    { name: '_rels/.rels', head: rels },
    { name: 'xl/workbook.xml', head: workbook },
    { name: 'xl/_rels/workbook.xml.rels', head: workbookRels },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', head: sharedStrings }] : []),
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ];
}

export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';
