/**
 * The first place two JSON values differ, as a path (`totals.receivable.opening`, `kaAccounts[2].accepted`) with
 * both values, or null when they are equal. Keys in `ignore` (descriptive words such as names) are not compared.
 */
export function firstDifference(a: unknown, b: unknown, ignore: ReadonlySet<string> = new Set(), path = ''): { path: string; a: unknown; b: unknown } | null {
  if (a === b) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], ignore, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      if (ignore.has(k)) continue;
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], ignore, path ? `${path}.${k}` : k);
      if (d) return d;
    }
    return null;
  }
  return { path: path || '(whole)', a, b };
}

/** A value as a short text for a message. */
export function shortValue(v: unknown): string {
  const text = v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
