import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { expressionSchema } from './node-params.ts';
import { summaryList, summaryRecord, summaryText } from './node-summary-text.ts';
import { routeKeys } from './route-keys.ts';

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
  draftHandles: (params) => [...new Set(routeKeys(params).filter((key) => key !== undefined)), 'else'],
  requiredHandles: [
    { handle: 'else', code: 'missing-else', message: 'the "else" route must lead somewhere (an end node at least)' },
  ],
  handleLabel: (params, handle) => {
    if (handle === 'else') return undefined;
    const route = summaryList(params.routes)
      .map(summaryRecord)
      .find((candidate) => candidate.id === handle);
    return summaryText(route?.label);
  },
  title: 'Condition',
  description: 'Takes the first route whose condition holds, else "else"',
  idBase: 'condition',
  defaults: () => ({ routes: [{ id: 'route-1', label: 'Route 1', when: '{{ true }}' }] }),
  summary: (params) => {
    const count = summaryList(params.routes).length;
    return [`${count} route${count === 1 ? '' : 's'}, then else`];
  },
});
