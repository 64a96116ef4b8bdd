import { z } from 'zod';
import { defineNode } from './node-definition.ts';

/** Ends the run (successfully); no output, no handles. */
export const endNode = defineNode({
  kind: 'end',
  version: 1,
  role: 'end',
  paramsSchema: z.strictObject({}),
  handles: () => [],
  outputHasCase: false,
  title: 'End',
  description: 'Ends the run',
  idBase: 'end',
  defaults: () => ({}),
  summary: () => [],
});
