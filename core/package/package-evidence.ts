import type { ExternalEvidence } from '../integrity/against.js';
import { UserError } from '../errors.js';
import { packageEnvelope } from './package-format.js';
import { readPackageFile } from './verify-package.js';

/**
 * What a settlement package that left the book says about it, for `check --against`: its approved statements
 * (version and hash) and the audit chain's heads its signers saw. Only the file's shape is checked here; whether
 * the book still agrees is verifyEvidence's question, asked the same way as of a signed PDF.
 */
export async function readPackageEvidence(file: string): Promise<ExternalEvidence> {
  const parsed = packageEnvelope.safeParse(readPackageFile(file));
  if (!parsed.success) throw new UserError('package.bad-format', { file, path: parsed.error.issues[0]?.path.join('.') ?? '' }, { file });
  const body = parsed.data.body;
  const heads = body.signOffHeads ?? [];
  if (!heads.length) throw new UserError('security.against-no-marks', { file }, { file });
  return {
    statements: body.statements.map((s) => ({ distributor: s.distributor.code, period: body.period, version: s.version, sha256: s.sha256 })),
    heads: heads.map((h) => ({ period: body.period, step: h.step, rows: h.rows, hash: h.hash })),
  };
}
