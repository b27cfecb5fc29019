import { isMessage, type Message } from './message.js';

/**
 * A message kept in the book (a matching reason, a deduction's verdict, a memo the program wrote): stored as its
 * JSON, so the words are made when it is read, in the reader's language. SQL writes the same shape with
 * json_object('code', …, 'params', json_object(…)).
 */
export function storedMessage(message: Message): string {
  return JSON.stringify({ code: message.code, params: message.params ?? {} });
}

/**
 * The message stored in a text column. Text that is not a stored message (a person's note, a memo from an
 * imported file, a reason written before messages were stored as codes) reads as itself.
 */
export function readStoredMessage(text: string | null | undefined): Message {
  if (!text) return { code: 'place.text', params: { text: '' } };
  if (text.startsWith('{"code"')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (isMessage(parsed)) return parsed;
    } catch {
      // not JSON after all: the text as it is
    }
  }
  return { code: 'place.text', params: { text } };
}
