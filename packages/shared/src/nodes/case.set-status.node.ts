import { z } from 'zod';
import { hasExpression } from '../expressions/expression-template.ts';
import { defineCaseAction } from './case-action.ts';
import { summaryText } from './node-summary-text.ts';

export const caseSetStatusNode = defineCaseAction({
  kind: 'case.set-status',
  version: 1,
  title: 'Set status',
  description: 'Moves a case to another status',
  idBase: 'set-status',
  params: { status: z.string().min(1) },
  defaults: { status: '' },
  evaluatedParamsSchema: z.object({ status: z.string() }),
  summary: (params) => (summaryText(params.status) ? `→ ${summaryText(params.status)}` : 'status: not chosen'),
  checkCatalog: ({ status }, { template, report }) => {
    if (!template || hasExpression(status) || template.statuses.some((s) => s.name === status)) return;
    const names = template.statuses.map((s) => s.name).join(', ');
    report('unknown-status', `"${status}" is not a status of "${template.key}" (${names})`, '/params/status');
  },
});
