import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { expressionSchema } from './node-params.ts';

const routeSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'must be a lowercase identifier')
    .refine((id) => id !== 'else', '"else" is reserved'),
  label: z.string().max(200).default(''),
  when: expressionSchema,
});

/** Takes the first route whose `when` holds, else `else`; output `{ route }`. */
export const logicConditionNode = defineNode({
  kind: 'logic.condition',
  version: 1,
  role: 'logic',
  paramsSchema: z.strictObject({
    routes: z
      .array(routeSchema)
      .min(1)
      .max(50)
      .refine((routes) => new Set(routes.map((route) => route.id)).size === routes.length, 'route ids must be unique'),
  }),
  handles: (params) => [...params.routes.map((route) => route.id), 'else'],
  outputSchema: z.object({ route: z.string() }),
  outputHasCase: false,
});
