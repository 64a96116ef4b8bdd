import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { durationSchema, THIRTY_DAYS } from './node-params.ts';
import { formatDuration } from './node-summary-text.ts';

export const waitDurationNode = defineNode({
  kind: 'wait.duration',
  version: 1,
  role: 'wait',
  paramsSchema: z.strictObject({ duration: durationSchema(['seconds', 'minutes', 'hours', 'days'], THIRTY_DAYS) }),
  handles: () => ['next'],
  outputSchema: z.object({ 'waited-until': z.string() }),
  outputHasCase: false,
  title: 'Wait for a duration',
  description: 'Pauses the run for a while',
  idBase: 'wait',
  defaults: () => ({ duration: { amount: 1, unit: 'hours' } }),
  summary: (params) => [`for ${formatDuration(params.duration) ?? '?'}`],
});
