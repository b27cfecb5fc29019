import type { sessionMethods } from '../../contract/session-methods.js';
import type { HandlersOf } from './handler-types.js';

export const sessionHandlers: HandlersOf<typeof sessionMethods> = {
  'session.signIn': ({ session }, a) => ({ user: session.signIn(a.username, a.password) }),
  'session.signOut': ({ session }) => {
    session.user = null;
    return { user: null };
  },
};
