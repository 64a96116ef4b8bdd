import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { summaryList, summaryRecord, summaryText } from './node-summary-text.ts';
import { routeKeys } from './route-keys.ts';

const branchSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'must be a lowercase identifier')
    .refine((id) => id !== 'else', '"else" is reserved'),
  label: z.string().max(200).default(''),
});

/**
 * Runs every branch at once; each branch must reach the same `logic.join`, where the run goes on once all of them
 * arrived (packages/shared/src/compile/check-parallel.ts checks the shape). Output `{ branches }`: the branch ids.
 */
export const logicParallelNode = defineNode({
  kind: 'logic.parallel',
  version: 1,
  role: 'logic',
  paramsSchema: z.strictObject({
    branches: z
      .array(branchSchema)
      .min(2)
      .max(10)
      .refine((branches) => new Set(branches.map((b) => b.id)).size === branches.length, 'branch ids must be unique'),
  }),
  handles: (params) => params.branches.map((branch) => branch.id),
  draftHandles: (params) => [...new Set(routeKeys(params, 'branches').filter((key) => key !== undefined))],
  outputSchema: z.object({ branches: z.array(z.string()) }),
  outputHasCase: false,
  handleLabel: (params, handle) => {
    const branch = summaryList(params.branches)
      .map(summaryRecord)
      .find((candidate) => candidate.id === handle);
    return summaryText(branch?.label);
  },
  title: 'Parallel',
  description: 'Runs every branch at once; a Join continues when all of them arrived',
  idBase: 'parallel',
  defaults: () => ({
    branches: [
      { id: 'branch-1', label: 'Branch 1' },
      { id: 'branch-2', label: 'Branch 2' },
    ],
  }),
  summary: (params) => {
    const count = summaryList(params.branches).length;
    return [`${count} branch${count === 1 ? '' : 'es'} at once`];
  },
});
