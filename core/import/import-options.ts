import type { DateOrder } from '../../vocabulary/index.js';
import type { WorkControl } from '../work/long-work.js';
import type { ExplicitMapping } from './detect-header.js';
import type { ReadLimits } from './readers/read-limits.js';
import type { ImportKind } from './import-kinds.js';
import type { CustomerPair } from './learn-customers.js';

export interface ImportOptions {
  kind: ImportKind;
  actor: string;
  kaCode?: string;
  /** rows without a date of their own (deductions and statements often have none) */
  date?: string;
  /** a saved mapping to use, by name */
  mapping?: string;
  /** heading (or column letter) → field, beating detection */
  map?: ExplicitMapping;
  /** save the mapping this file was read with under this name (found again by the file's header signature) */
  saveMappingAs?: string;
  /** do not apply the saved mapping found for this file's headings */
  ignoreSavedMapping?: boolean;
  /** how a date column that writes 03/10/2026 with no day above 12 is read: dmy (day first) or mdy (month first) */
  dateOrder?: DateOrder;
  /** confirm the store proposed for each unknown ERP customer code, and remember it (all must have a proposal) */
  learnCustomers?: boolean;
  /** ERP customer codes to remember as stores before the file is read (a customers file, the wizard) */
  confirmCustomers?: CustomerPair[];
  dryRun?: boolean;
  onProgress?: (rowsRead: number) => void;
  /** progress and cancelling for the window; a cancelled import rolls back */
  control?: WorkControl;
  /** keep this many rows below the header (the preview grid shows them) */
  sampleRows?: number;
  /** documents dated outside the book's window (a year before its first month to today) are confirmed (--allow-dates) */
  allowDates?: boolean;
  /** where the bytes are, when `file` only names them (a member of a bundle, extracted to a temporary file) */
  readFrom?: string;
  /** limits on what the file may hold; the book's settings when not given */
  limits?: ReadLimits;
  /** 替换: reverse each conflicting document and post the file's version in its place (core/corrections) */
  replace?: boolean;
  /** why, for the reversals a replacement posts (default: the file's name) */
  reason?: string;
}
