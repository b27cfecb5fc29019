/**
 * A mistake the user can fix: bad input, a missing book, a closed period. It carries where the fault is
 * (file, row, field) so the message can point at it. Anything else that is thrown is a bug.
 */
export interface ErrorPlace {
  file?: string;
  row?: number;
  field?: string;
}

export class UserError extends Error {
  readonly code: string;
  readonly place: ErrorPlace;

  constructor(code: string, message: string, place: ErrorPlace = {}) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.place = place;
  }

  /** One line: `file, row 12, field 金额: reason`. */
  describe(): string {
    const where: string[] = [];
    if (this.place.file) where.push(this.place.file);
    if (this.place.row !== undefined) where.push(`row ${this.place.row}`);
    if (this.place.field) where.push(`field ${this.place.field}`);
    return where.length ? `${where.join(', ')}: ${this.message}` : this.message;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
