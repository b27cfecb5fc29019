/**
 * The words: every sentence and label a person reads, by code, in Chinese (first) and English, and the formats of
 * money, prices, quantities and rates. A leaf: it imports nothing outside this folder, so core/ (the PDF, the
 * xlsx, the command's output) and the renderer render the same code the same way.
 */
export * from './message.js';
export * from './format.js';
export * from './render.js';
export type { LabelGroups } from './label-groups.js';
export { labelsZh } from './zh/labels.js';
export { labelsEn } from './en/labels.js';
export * from './stored.js';
