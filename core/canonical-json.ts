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

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
