import synonyms from './header-synonyms.json' with { type: 'json' };
import { cellText, type Cell } from './cell-values.js';
import { meaningOf } from './heading-meaning.js';
import { ruleFit } from './heading-rules.js';

/** The synonym groups of header-synonyms.json, by group name. */
export type SynonymGroup = Exclude<keyof typeof synonyms, '$comment'>;

/** Headings compare without case, spaces, full-width forms, a leading * (required marks) or a trailing colon. */
export function normaliseHeading(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^\*+/, '')
    .replace(/[:：]$/, '');
}

const groupIndex = new Map<string, SynonymGroup>();
for (const [group, words] of Object.entries(synonyms)) {
  if (group === '$comment') continue;
  for (const w of words as string[]) groupIndex.set(normaliseHeading(w), group as SynonymGroup);
}

const groupMemo = new Map<string, SynonymGroup | null>();

/** The synonym group a heading is known under exactly, if any. */
export function headingGroup(cell: Cell): SynonymGroup | undefined {
  const text = cellText(cell);
  if (!text) return undefined;
  let group = groupMemo.get(text);
  if (group === undefined) {
    group = groupIndex.get(normaliseHeading(text)) ?? null;
    if (groupMemo.size > 5_000) groupMemo.clear();
    groupMemo.set(text, group);
  }
  return group ?? undefined;
}

export function synonymsOf(group: SynonymGroup): string[] {
  return synonyms[group] as string[];
}

/**
 * How well a heading fits a group (about 0 to 1): by its parts (实收 + 数量), with a little more when the heading is one
 * the table knows exactly. A known heading still keeps the order its parts give it (含税金额 above 金额, 客户订单号
 * above 订单号). Without the table (`useSynonyms` false) the parts alone decide.
 */
export function headingFit(group: SynonymGroup, heading: string, useSynonyms = true): number {
  const byParts = ruleFit(group, meaningOf(heading));
  if (!useSynonyms || headingGroup(heading) !== group) return byParts;
  return Math.max(byParts, 0.7) + 0.05;
}
