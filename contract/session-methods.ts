import { z } from 'zod';
import { signedInUser } from './common-schemas.js';

/** Who works in the window (登录): sign-offs, settings, users and credit decisions need a signed-in user. */
export const sessionMethods = {
  'session.signIn': {
    args: z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }).strict(),
    result: z.object({ user: signedInUser }),
  },
  'session.signOut': { args: z.object({}).strict(), result: z.object({ user: z.null() }) },
} as const;
