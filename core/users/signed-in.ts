import type { Role } from '../../vocabulary/index.js';

/** A user who proved who they are (by password or by a session token of `ka-settle login`). */
export interface SignedIn {
  username: string;
  displayName: string;
  role: Role;
}
