import type { commonZh } from '../zh/common.js';

export const commonEn: Record<keyof typeof commonZh, string> = {
  'place.file': '{{file}}',
  'place.row': 'row {{row}}',
  'place.field': 'field {{field}}',
  'place.join': ', ',
  'place.then': ': ',
  'place.text': '{{text}}',
  'list.separator': ', ',
  'error.internal': 'ka-settle could not finish this; the book is unchanged. Details are in the log.',
  'error.book-busy': 'the book is busy: another ka-settle is writing to it; try again when it has finished',
};
