import type { Book } from '../../db/connection.js';
import { getSettingJson } from '../../db/queries/settings.js';
import type { Message } from '../../locale/index.js';

/** 账龄: bucket edges in days past due; the default gives not yet due, 1–30, 31–60, 61–90, 91–180, over 180. */
export const DEFAULT_BUCKETS = [0, 30, 60, 90, 180];

export function ageingBuckets(book: Book): number[] {
  const raw = getSettingJson(book, 'credit.ageing_buckets_days');
  const parsed = raw ? (JSON.parse(raw) as unknown) : null;
  if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((x, i) => Number.isInteger(x) && x >= 0 && (i === 0 || x > parsed[i - 1]))) return parsed as number[];
  return DEFAULT_BUCKETS;
}

/** Each bucket's heading, as a message: 未到期, 1–30 天 … 180 天以上. */
export function bucketLabels(edges: number[]): Message[] {
  const labels: Message[] = [edges[0] === 0 ? { code: 'credit.bucket-not-due' } : { code: 'credit.bucket-up-to', params: { to: edges[0] } }];
  for (let i = 1; i < edges.length; i++) labels.push({ code: 'credit.bucket-between', params: { from: edges[i - 1]! + 1, to: edges[i] } });
  labels.push({ code: 'credit.bucket-over', params: { from: edges.at(-1) } });
  return labels;
}

/** The bucket index of an item that is `days` past due. */
export function bucketOf(edges: number[], days: number): number {
  for (let i = 0; i < edges.length; i++) if (days <= edges[i]!) return i;
  return edges.length;
}
