import type { bookZh } from '../zh/book.js';

export const bookEn: Record<keyof typeof bookZh, string> = {
  'book.period-closed-unnamed': 'that period is closed: nothing dated in it can change; post a correction in an open period or ask an admin to reopen it',
  'book.in-use': 'the book is open in another program (a ka-settle window or command): close it first, then replace it',
};
