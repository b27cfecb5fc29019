/**
 * How the desktop prints a statement: the options of webContents.printToPDF, matching the browser path's A4
 * layout (services/print/chromium-pdf.ts), and the page the HTML is loaded as. Kept free of Electron so it is tested.
 */
export function printOptions(footer: string) {
  return {
    pageSize: 'A4' as const, printBackground: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footer,
    // inches: 16 mm top, 18 mm bottom, 12 mm sides
    margins: { top: 0.63, bottom: 0.71, left: 0.47, right: 0.47 },
  };
}

/** The statement HTML as a data: URL for a hidden, script-less window. */
export function htmlDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}
