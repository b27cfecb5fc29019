import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so the same content always gives the same text and the same
 * hash (document content hashes, the audit chain, statement hashes). Undefined values are dropped like
 * JSON.stringify does; numbers must be finite integers or plain values.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/**
 * The same value with its keys sorted at every level: JSON.stringify of it, or of any part of it, is that part's
 * canonical JSON (a settlement package hashes its body and each statement in it from one sorted copy).
 */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * Whether JSON.stringify of the value is already its canonical JSON: plain objects whose keys come in the order the
 * sorted copy would give them (integer keys first, as JavaScript enumerates them, then the others sorted), no
 * undefined anywhere, nothing with a toJSON of its own. A package written from a sorted copy parses back in that
 * order, so the head office hashes and checks the signature of what it parsed without building the copy again (the
 * walk allocates nothing; any value that fails it takes the sorted copy, so the text is the same either way).
 */
export function inCanonicalOrder(value: unknown): boolean {
  if (value === undefined) return false;
  if (value === null || typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!inCanonicalOrder(value[i])) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  if ('toJSON' in value) return false;
  let prev: string | undefined;
  for (const key in value) {
    // sortKeys assigns keys to a fresh object, where '__proto__' is not an own key: such a value takes that copy.
    if (key === '__proto__') return false;
    if (prev !== undefined && !(prev < key) && !isIndexKey(prev)) return false;
    if (!inCanonicalOrder((value as Record<string, unknown>)[key])) return false;
    prev = key;
  }
  return true;
}

/** An array-index key ('0', '17'): JavaScript enumerates these first, in numeric order, whatever their insertion. */
function isIndexKey(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}

/** The value itself when it is already in canonical order, else its sorted copy: JSON.stringify of either is the canonical JSON. */
export function canonicalShape<T>(value: T): T {
  return inCanonicalOrder(value) ? value : (sortKeys(value) as T);
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}
