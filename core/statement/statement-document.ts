import type { StatementContent } from './build-statement.js';
import type { Signer } from './statement-sections.js';

/** A statement as exported: its content, the hash the sign-offs signed, who signed, and its version. */
export interface StatementDocument {
  content: StatementContent;
  sha256: string;
  version: number | null;
  status: string;
  signers: Signer[];
  confirmations: { party: string; ka: string | null; result: string; reasons: string | null; recordedBy: string; recordedByName: string | null; recordedAt: string }[];
}
