/** Label groups: a vocabulary's values in words, by group name (`feeTypes.entry` → 进场费). */
export type LabelGroups = Record<string, Record<string, string>>;
/** The same groups and values as another language's labels, with words of its own. */
export type LabelsLike<T extends LabelGroups> = { [G in keyof T]: { [V in keyof T[G]]: string } };
