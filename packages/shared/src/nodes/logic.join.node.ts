import { z } from 'zod';
import { defineNode } from './node-definition.ts';

/** Closes a `logic.parallel`: the run goes on from here once every branch arrived. No output of its own. */
export const logicJoinNode = defineNode({
  kind: 'logic.join',
  version: 1,
  role: 'logic',
  paramsSchema: z.strictObject({}),
  handles: () => ['next'],
  outputHasCase: false,
  title: 'Join',
  description: 'Waits for every branch of a Parallel, then continues',
  idBase: 'join',
  defaults: () => ({}),
  summary: () => ['after every branch'],
});
