import { z } from 'zod';
import { defineCaseAction } from './case-action.ts';

export const caseClearSlaNode = defineCaseAction({
  kind: 'case.clear-sla',
  version: 1,
  title: 'Clear SLA',
  description: "Removes a case's SLA deadline",
  idBase: 'clear-sla',
  params: {},
  defaults: {},
  evaluatedParamsSchema: z.object({}),
});
