import synonyms from './header-synonyms.json' with { type: 'json' };
import { cellText, type Cell } from './cell-values.js';

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

/** The synonym group a heading belongs to, if any. */
export function headingGroup(cell: Cell): SynonymGroup | undefined {
  const text = cellText(cell);
  return text ? groupIndex.get(normaliseHeading(text)) : undefined;
}

export function synonymsOf(group: SynonymGroup): string[] {
  return synonyms[group] as string[];
}
