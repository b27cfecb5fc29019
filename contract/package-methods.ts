import { z } from 'zod';
import { period } from './common-schemas.js';

/** 结算包: the signed package of an approved month for the head office, written beside the book with its public key. */
export const packageMethods = {
  'package.write': {
    args: z.object({ period }).strict(),
    result: z.object({ file: z.string(), keyFile: z.string(), edition: z.number().int(), sha256: z.string(), statements: z.number().int() }),
  },
} as const;
