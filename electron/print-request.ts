import { resolve } from 'node:path';

/** What the main process needs to print a statement: a hidden window's printToPDF and a file writer. */
export interface PrintDeps {
  print(html: string, footer: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

export type PrintOutcome = { ok: true } | { ok: false; code: string; message: string };

/**
 * The desktop's PDF printing, kept free of Electron so it is tested: the renderer asks to print HTML to a path,
 * and only a path a save dialog of this process just returned is written — each once — so a page can never make
 * the main process write anywhere it names.
 */
export class PrintRequests {
  private readonly chosen = new Set<string>();

  constructor(private readonly deps: PrintDeps) {}

  /** A path the native save dialog returned. */
  allow(path: string): void {
    this.chosen.add(resolve(path));
  }

  async handle(request: unknown): Promise<PrintOutcome> {
    const r = request as { html?: unknown; footer?: unknown; path?: unknown } | null;
    if (typeof r?.html !== 'string' || typeof r.footer !== 'string' || typeof r.path !== 'string') return { ok: false, code: 'invalid-arguments', message: 'bad print request' };
    const path = resolve(r.path);
    if (!this.chosen.delete(path)) return { ok: false, code: 'security.print-path-not-chosen', message: 'a PDF is written only where a file dialog chose' };
    try {
      await this.deps.writeFile(path, await this.deps.print(r.html, r.footer));
      return { ok: true };
    } catch (err) {
      return { ok: false, code: 'print-failed', message: err instanceof Error ? err.message : String(err) };
    }
  }
}
