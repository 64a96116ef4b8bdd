import { z } from 'zod';
import { defineCaseAction } from './case-action.ts';

/** Redacts a case for good (its fields emptied, `redacted-at` set), as `DELETE /cases/{id}` does. */
export const caseRedactNode = defineCaseAction({
  kind: 'case.redact',
  version: 1,
  title: 'Redact case',
  description: "Empties a case's fields for good (PII)",
  idBase: 'redact-case',
  params: {},
  defaults: {},
  evaluatedParamsSchema: z.object({}),
  summary: () => 'redact',
});
