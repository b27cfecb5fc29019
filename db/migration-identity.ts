import { createHash } from 'node:crypto';

/**
 * What a migration is, independent of how its file was stored. A Git for Windows checkout turns LF into CRLF, an
 * editor may add a byte-order mark or save UTF-16, and none of that changes the schema step; hashing the raw bytes
 * made every such copy "a different migration", so one build refused the books of another.
 */

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 as a last resort; line endings LF. */
export function migrationText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      // A Chinese Windows editor's "ANSI" is GBK; GB18030 reads it exactly.
      text = new TextDecoder('gb18030').decode(body);
    }
  }
  return text.replace(/\r\n?/g, '\n');
}

const PUNCTUATION = new Set(['(', ')', ',', ';']);

/**
 * The statements as SQLite reads them: comments dropped, whitespace outside quotes collapsed to one space (none
 * beside brackets, commas and semicolons), quoted text and identifiers kept exactly. Two files with the same
 * statements have the same canonical form whatever their line endings, indentation or comments.
 */
export function canonicalStatements(text: string): string {
  let out = '';
  let space = false;
  let i = 0;
  const emit = (s: string) => {
    if (space && out !== '' && !PUNCTUATION.has(out.at(-1)!) && !PUNCTUATION.has(s[0]!)) out += ' ';
    space = false;
    out += s;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      space = true;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      space = true;
    } else if (/\s/.test(c)) {
      i++;
      space = true;
    } else if (c === "'" || c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      let j = i + 1;
      for (;;) {
        const k = text.indexOf(close, j);
        if (k < 0) {
          j = text.length;
          break;
        }
        // A doubled quote inside a quoted string is the quote itself.
        if (close !== ']' && text[k + 1] === close) {
          j = k + 2;
          continue;
        }
        j = k + 1;
        break;
      }
      emit(text.slice(i, j));
      i = j;
    } else {
      emit(c);
      i++;
    }
  }
  return out;
}

/** The identity recorded in a book's schema_migrations: SHA-256 over the canonical statements. */
export function migrationIdentity(text: string): string {
  return sha256(`ka-settle migration statements v1\n${canonicalStatements(text)}`);
}

/**
 * What ka-settle recorded before identities were canonical: the SHA-256 of the file's text as read, which is the
 * LF text for every build made from this repository, and the CRLF text for one made from a Windows checkout.
 */
export function legacyIdentities(text: string): string[] {
  return [sha256(text), sha256(text.replace(/\n/g, '\r\n'))];
}
