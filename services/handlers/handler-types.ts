import type { z } from 'zod';
import type { ServiceContext } from '../service-context.js';

type MethodMap = Record<string, { args: z.ZodType; result: z.ZodType }>;

/** One handler per method of a contract area, typed from its schemas: parsed arguments in, a result out. */
export type HandlersOf<M extends MethodMap> = {
  [N in keyof M]: (ctx: ServiceContext, args: z.output<M[N]['args']>) => Promise<z.input<M[N]['result']>> | z.input<M[N]['result']>;
};
