import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { durationSchema, THIRTY_DAYS } from './node-params.ts';

export const waitDurationNode = defineNode({
  kind: 'wait.duration',
  version: 1,
  role: 'wait',
  paramsSchema: z.strictObject({ duration: durationSchema(['seconds', 'minutes', 'hours', 'days'], THIRTY_DAYS) }),
  handles: () => ['next'],
  outputSchema: z.object({ 'waited-until': z.string() }),
  outputHasCase: false,
});
