import { z } from 'zod';
import { defineCaseAction } from './case-action.ts';
import { summaryText } from './node-summary-text.ts';

export const caseAddToQueueNode = defineCaseAction({
  kind: 'case.add-to-queue',
  version: 1,
  title: 'Add to queue',
  description: 'Puts a case in a case queue',
  idBase: 'add-to-queue',
  params: { 'case-queue-id': z.string().min(1) },
  defaults: { 'case-queue-id': '' },
  evaluatedParamsSchema: z.object({ 'case-queue-id': z.string() }),
  summary: (params) => `queue ${summaryText(params['case-queue-id']) ?? 'not chosen'}`,
  checkCatalog: (params, check) => check.queue(params['case-queue-id'], '/params/case-queue-id'),
});
