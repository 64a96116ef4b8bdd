import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { expressionSchema } from './node-params.ts';
import { summaryText } from './node-summary-text.ts';

/**
 * Runs its `body` once per item of the `items` array, `concurrency` iterations at a time, with `item` and `index` in
 * scope of every expression in the body; the body ends at a `logic.join`, where the run goes on after the last
 * iteration (packages/shared/src/compile/check-parallel.ts checks the region). Output `{ count, done, failed,
 * results }`: `results[i]` is the value of `result` evaluated at the end of iteration i (null without `result`, or when
 * the iteration failed).
 */
export const logicForEachNode = defineNode({
  kind: 'logic.for-each',
  version: 1,
  role: 'logic',
  paramsSchema: z.strictObject({
    items: expressionSchema,
    concurrency: z.number().int().min(1).max(10).default(1),
    result: expressionSchema.optional(),
  }),
  handles: () => ['body'],
  outputSchema: z.object({
    count: z.number(),
    done: z.number(),
    failed: z.number(),
    results: z.array(z.unknown()),
  }),
  outputHasCase: false,
  handleLabel: () => 'Each item',
  title: 'For each',
  description: 'Runs its body once per item of a list (item and index in scope); a Join ends the body',
  idBase: 'for-each',
  defaults: () => ({ items: '{{ trigger.items }}', concurrency: 1 }),
  summary: (params) => {
    const concurrency = typeof params.concurrency === 'number' ? params.concurrency : 1;
    return [
      `each of ${summaryText(params.items) ?? '…'}`,
      concurrency > 1 ? `${concurrency} at a time` : 'one at a time',
    ];
  },
});
