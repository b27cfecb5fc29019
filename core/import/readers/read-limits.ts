/**
 * How much a file may hold before it is refused as hostile or broken: checked while the file streams, so a zip
 * bomb or a sheet of twenty million empty rows stops within seconds instead of running the machine out of memory.
 * The defaults fit any real KA or ERP export with room to spare; a book raises them with its settings
 * (`import.max_uncompressed_mb`, `import.max_rows`, `import.max_columns`, `import.max_cell_chars`).
 */
export interface ReadLimits {
  /** bytes the file expands to: the parts of a zip added up, or a text file's own size */
  maxUncompressedBytes: number;
  /** the highest row number read (Excel's own sheet ends at 1,048,576) */
  maxRows: number;
  /** the most columns one row may have */
  maxColumns: number;
  /** the longest text one cell may hold (Excel's own limit is 32,767 characters) */
  maxCellChars: number;
}

export const MEBIBYTE = 1024 * 1024;

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxUncompressedBytes: 256 * MEBIBYTE,
  maxRows: 1_048_576,
  maxColumns: 1_024,
  maxCellChars: 32_767,
};

/** A zip holds this many parts at most (an .xlsx has about a dozen; a bundle of exports a few hundred). */
export const MAX_ZIP_ENTRIES = 10_000;
