import type { ChainHead } from '../close/sign-offs.js';
import type { SignOffStep } from '../../vocabulary/index.js';
import type { StatementContent, StatementFiguresContent } from './build-statement.js';
import type { Signer } from './statement-sections.js';

/** A statement as exported: its content, the hash the sign-offs signed, who signed, and its version. */
export interface StatementDocument {
  content: StatementContent;
  sha256: string;
  version: number | null;
  status: string;
  signers: Signer[];
  confirmations: { party: string; ka: string | null; result: string; reasons: string | null; recordedBy: string; recordedByName: string | null; recordedAt: string }[];
  /** each sign-off of this version with the audit chain's head it recorded (printed, so the paper can be checked) */
  heads: { step: SignOffStep; user: string; at: string; chain: ChainHead }[];
}

/**
 * What the printed layout needs of a statement: its figures (and its detail rows when they are printed), who signed,
 * and its hash when known — a whole StatementDocument, or the window's summary of one (statement-summary.ts).
 */
export interface StatementView extends Omit<StatementDocument, 'content' | 'sha256'> {
  content: StatementFiguresContent & { details?: StatementContent['details'] };
  sha256: string | null;
}

const STEP_OF_SIGNER: Record<Signer['step'], SignOffStep> = { prepared: 'prepare', reviewed: 'review', approved: 'approve' };

/** The audit chain's head a signer saw when signing this version (the last, if the step was signed again). */
export function headOfSigner(doc: Pick<StatementDocument, 'heads'>, signer: Signer): StatementDocument['heads'][number] | undefined {
  return doc.heads.filter((h) => h.step === STEP_OF_SIGNER[signer.step]).at(-1);
}
