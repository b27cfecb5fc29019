import type ExcelJS from 'exceljs';

/**
 * exceljs and what it pulls in (archiver, jszip, fast-csv, unzipper: some 400 files) is loaded on first use: imported
 * at the top of a module it cost every command, and every start of the window's main process, about half a second
 * before doing anything, although only the xlsx exports need it.
 */
export async function excelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
