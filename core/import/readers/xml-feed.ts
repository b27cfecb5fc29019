import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { UserError } from '../../errors.js';

/** What a part's reader does with the elements it cares about; names come without namespace prefixes. */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  text(text: string): void;
  close(name: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Feeds a part's bytes to a streaming XML parser (saxes). The bytes are decoded as one UTF-8 stream, so a
 * character split across two chunks stays whole, and bytes that are not UTF-8 are refused rather than turned
 * into replacement characters. A DOCTYPE (never in a spreadsheet, the door to entity expansion) or XML that is
 * not well formed refuses the file with the part named.
 */
export class XmlFeed {
  private readonly parser = new SaxesParser({ xmlns: false });
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private failure: UserError | undefined;

  constructor(handler: XmlHandler, private readonly file: string, private readonly part: string) {
    const malformed = () => new UserError('import-files.xml-malformed', { part, line: this.parser.line, column: this.parser.column }, { file });
    this.parser.on('error', () => {
      this.failure ??= malformed();
    });
    this.parser.on('doctype', () => {
      this.failure ??= new UserError('import-files.xml-doctype', { part }, { file });
    });
    this.parser.on('xmldecl', (decl) => {
      if (decl.encoding && !/^utf-?8$/i.test(decl.encoding)) this.failure ??= new UserError('import-files.xml-encoding', { part, encoding: decl.encoding }, { file });
    });
    this.parser.on('opentag', (tag: SaxesTagPlain) => handler.open(localName(tag.name), tag.attributes as Record<string, string>));
    this.parser.on('text', (t) => handler.text(t));
    this.parser.on('cdata', (t) => handler.text(t));
    this.parser.on('closetag', (tag: SaxesTagPlain) => handler.close(localName(tag.name)));
  }

  write(chunk: Buffer): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new UserError('import-files.xml-not-utf8', { part: this.part }, { file: this.file });
    }
    this.parser.write(text);
    this.check();
  }

  end(): void {
    let rest: string;
    try {
      rest = this.decoder.decode();
    } catch {
      throw new UserError('import-files.xml-not-utf8', { part: this.part }, { file: this.file });
    }
    if (rest) this.parser.write(rest);
    this.parser.close();
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
