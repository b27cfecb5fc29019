import type { settingsZh } from '../zh/settings.js';

export const settingsEn: Record<keyof typeof settingsZh, string> = {
  'settings.unknown': 'no setting "{{key}}"; known: {{known}}',
  'settings.not-json': 'the value of {{key}} must be JSON (a number, "text", [list] or {object})',
} as const;
