import { commandLanguage } from '../core/errors.js';
import { renderMessage } from '../locale/index.js';
import { processIo, type Io } from './io.js';

/** What the command is reading now, for the one line said if it ever stops without finishing. */
let reading: string | undefined;

export function noteReading(file: string | undefined): void {
  reading = file;
}

/** The line bin/ka-settle.js prints when the command stopped before it finished (never expected: a reader's bug). */
export function unfinishedMessage(io: Io = processIo): string {
  const lang = commandLanguage(io.env);
  if (reading) return renderMessage(lang, { code: 'import-files.stopped-unfinished', params: { file: reading } });
  return renderMessage(lang, { code: 'error.internal' });
}
