import { z } from 'zod';
import { defineCaseAction } from './case-action.ts';
import { evaluatedSlaSchema, slaSchema } from './node-params.ts';
import { formatDuration } from './node-summary-text.ts';

export const caseSetSlaNode = defineCaseAction({
  kind: 'case.set-sla',
  version: 1,
  title: 'Set SLA',
  description: "Sets or moves a case's SLA deadline",
  idBase: 'set-sla',
  params: { sla: slaSchema },
  defaults: { sla: { amount: 1, unit: 'days' } },
  evaluatedParamsSchema: z.object({ sla: evaluatedSlaSchema }),
  summary: (params) => `SLA ${formatDuration(params.sla) ?? 'not set'}`,
});
