/**
 * A package file as books write it — JSON.stringify of signBody's envelope: format, formatVersion, bodySha256,
 * signature, then the body, last — split into the envelope's other fields and the body's bytes as they stand in the
 * file. Those bytes are the text the book hashed and signed (its canonical JSON), so the verifier hashes and checks
 * the signature of them as they are and parses the body from the same bytes, instead of re-serialising ~300 kB of
 * parsed body to find that text again (the head office verifies thousands of packages at once).
 *
 * Null when the file is not in that shape (fields in another order, pretty-printed, anything unexpected): the caller
 * then parses the file whole and hashes the body's canonical JSON, which gives the same verdict for any file. The
 * split is exact or nothing: the body key must be a key of the top-level object (preceded by `{` or `,`, never by
 * a backslash inside a string) and the last one there (the rest of the file, with the body replaced by null, parses
 * with body null), the other fields must be the envelope's own, and the body runs to the object's closing brace.
 * Whatever the split gives, JSON.parse of the whole file gives too.
 */
export interface SignedBodySplit {
  head: Record<string, unknown>;
  /** the body's bytes, a view into the file's (not a copy) */
  body: Buffer;
}

const BODY_KEY = Buffer.from('"body":', 'latin1');
const ENVELOPE_FIELDS = new Set(['format', 'formatVersion', 'bodySha256', 'signature', 'body']);
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

export function splitSignedBody(json: Buffer): SignedBodySplit | null {
  let end = json.length;
  while (end > 0 && isSpace(json[end - 1]!)) end--;
  if (end < 2 || json[end - 1] !== 0x7d /* } */) return null;
  const at = json.indexOf(BODY_KEY);
  if (at < 1) return null;
  const before = json[at - 1];
  const start = at + BODY_KEY.length;
  if ((before !== 0x2c /* , */ && before !== 0x7b /* { */) || json[start] !== 0x7b || start >= end - 1) return null;
  let head: unknown;
  try {
    head = JSON.parse(`${json.toString('utf8', 0, start)}null}`);
  } catch {
    return null;
  }
  if (!head || typeof head !== 'object' || Array.isArray(head)) return null;
  const fields = head as Record<string, unknown>;
  if (fields.body !== null || Object.keys(fields).some((k) => !ENVELOPE_FIELDS.has(k))) return null;
  return { head: fields, body: json.subarray(start, end - 1) };
}
