import { z } from 'zod';
import { caseStatusDefinitionSchema } from '../cases/case-status.ts';
import { fieldSchemaSchema } from '../cases/field-schema.ts';

/** What `compile` knows of the world: templates (statuses, fields) and queues, passed in by the caller. */
export const catalogSnapshotSchema = z.object({
  templates: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      statuses: z.array(caseStatusDefinitionSchema),
      fieldSchemas: z.array(fieldSchemaSchema),
      status: z.enum(['active', 'archived']),
    }),
  ),
  queues: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['active', 'archived']),
      /** For people choosing a queue (the editor's picker); the compiler goes by id. */
      name: z.string().optional(),
    }),
  ),
  /** The secrets' names, when known (the editor of a role that may not list them leaves them out: not checked). */
  secrets: z.array(z.object({ name: z.string() })).optional(),
  /** Workflows a `flow.run-workflow` node may call (absent: the caller knows none, and every reference is unknown). */
  workflows: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        status: z.enum(['active', 'archived']),
        /** Whether it has a live (published) version to run. */
        live: z.boolean(),
      }),
    )
    .optional(),
  /** The workflow whose graph is compiled, so a node calling it directly is refused. */
  currentWorkflowId: z.string().optional(),
});

export type CatalogSnapshot = z.infer<typeof catalogSnapshotSchema>;
export type TemplateSnapshot = CatalogSnapshot['templates'][number];
export type WorkflowSnapshot = NonNullable<CatalogSnapshot['workflows']>[number];
