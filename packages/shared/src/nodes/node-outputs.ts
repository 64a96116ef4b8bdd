import { z } from 'zod';

/** The plain case object expressions read as `steps.<id>.case` (docs/architecture.md, "Workflows"). */
export const caseOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  'case-template-id': z.string(),
  'case-queue-id': z.string().nullable(),
  'assignee-id': z.string().nullable(),
  tags: z.array(z.string()),
  'sla-expires-at': z.string().nullable(),
  'sla-expired-at': z.string().nullable(),
  'resolved-at': z.string().nullable(),
  'created-at': z.string(),
  'object-ids': z.array(z.string()),
  fields: z.record(z.string(), z.unknown()),
});

export const eventOutputSchema = z.object({ id: z.string(), name: z.string(), at: z.string() });

export const caseStepOutputSchema = z.object({ case: caseOutputSchema });

export type PlainCase = z.infer<typeof caseOutputSchema>;
