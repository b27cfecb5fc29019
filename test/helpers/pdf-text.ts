import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfReading {
  pages: number;
  /** width × height of each page in points (A4 is 595 × 842) */
  sizes: { width: number; height: number }[];
  /** each page's text, a line per line of the page, runs apart on a line separated by a space */
  pageText: string[];
  text: string;
}

/**
 * CJK fonts map some glyphs to the radical blocks (⽰ U+2F70 for 示, ⺠ U+2EA0 for 民): as a reader copies the text
 * they are the ordinary characters. The Kangxi radicals have a compatibility decomposition; the supplement's
 * simplified forms do not, so the ones a statement uses are listed.
 */
const SUPPLEMENT: Record<string, string> = {
  '⻝': '食', '⻨': '麦', '⻰': '龙', '⻜': '飞', '⻓': '长', '⻛': '风', '⻢': '马', '⻋': '车', '⻔': '门', '⻅': '见',
  '⻩': '黄', '⻮': '齿', '⻥': '鱼', '⻉': '贝', '⻚': '页', '⻆': '角', '⻬': '齐', '⻘': '青', '⺠': '民', '⻄': '西',
  '⻁': '虎', '⻣': '骨', '⻤': '鬼', '⻦': '鸟', '⻧': '卤', '⻳': '龟', '⻊': '足', '⺮': '竹', '⺶': '羊', '⻑': '長',
};

function radicalsAsCharacters(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/g, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

/**
 * The text of a PDF as Mozilla's PDF.js reads it (an npm library: no poppler needed to run the tests). Looking at
 * a page is still `pdftoppm -png`, for people.
 */
export async function readPdf(path: string): Promise<PdfReading> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const sizes: PdfReading['sizes'] = [];
    const pageText: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      sizes.push({ width: x1 - x0, height: y1 - y0 });
      const content = await page.getTextContent();
      let text = '';
      let last: { x: number; y: number; end: number; size: number } | undefined;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [, , , size, x, y] = item.transform as number[];
        if (last && item.str) {
          // Chromium writes a run of CJK text glyph by glyph: runs that touch are one word, a gap is a space.
          if (Math.abs(y! - last.y) > last.size / 2) text += '\n';
          else if (x! - last.end > last.size * 0.25) text += ' ';
        }
        text += radicalsAsCharacters(item.str);
        if (item.str) last = { x: x!, y: y!, end: x! + item.width, size: Math.abs(size!) || 1 };
        if (item.hasEOL) {
          text += '\n';
          last = undefined;
        }
      }
      pageText.push(text.replace(/ +\n/g, '\n').trim());
    }
    return { pages: doc.numPages, sizes, pageText, text: pageText.join('\n\f\n') };
  } finally {
    await doc.destroy();
  }
}
