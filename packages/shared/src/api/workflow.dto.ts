import { z } from 'zod';
import { multiLine, singleLine } from './text.ts';
import { caseEventNames } from '../cases/case-events.ts';
import { compileIssueCodes } from '../compile/compile-issue.ts';
import { graphSchema } from '../graph/graph.schema.ts';
import { actorTypes } from './case.dto.ts';
import { isoDateTime, pageLinksSchema, pageQueryOf, resourceSchema, toOne } from './jsonapi.ts';
import { exampleGraph, exampleKeyId, examplePlan, exampleVersionId, exampleWorkflowId } from './workflow.examples.ts';

export const workflowStatuses = ['active', 'archived'] as const;
export const workflowTriggerKinds = ['trigger.api', 'trigger.event', 'trigger.schedule'] as const;

const actorType = z.enum(actorTypes).nullable();
const name = singleLine(200).meta({ example: 'High-value KYC review' });
const description = multiLine(2000).nullable();

/** A draft graph as stored: any JSON object, since drafts are saved whatever their state (docs/architecture.md, "Workflows"). */
export const draftGraphSchema = z
  .record(z.string(), z.unknown())
  .meta({ description: 'The draft graph `{ nodes, edges }`; saved even when invalid, checked on publish.' });

/** One compile issue as the API shows it (docs/architecture.md, "Workflows"); `node-id`, `edge-id` and `path` are null when unknown. */
export const workflowIssueSchema = z
  .object({
    code: z.enum(compileIssueCodes),
    severity: z.enum(['error', 'warning']),
    'node-id': z.string().nullable(),
    'edge-id': z.string().nullable(),
    path: z.string().nullable().meta({ description: 'A JSON pointer into the node (or the graph).' }),
    message: z.string(),
  })
  .meta({ id: 'WorkflowIssue' });

/** The compiled program a version runs: steps keyed by node id, successors by handle (see `Plan`). */
export const workflowPlanSchema = z.object({
  version: z.literal(1),
  trigger: z.string(),
  steps: z.record(
    z.string(),
    z.object({
      kind: z.string(),
      version: z.number().int(),
      label: z.string(),
      params: z.record(z.string(), z.unknown()),
      next: z.record(z.string(), z.string().nullable()),
    }),
  ),
});

const rolloutPercent = z.number().int().min(0).max(100).meta({
  description:
    'The share of new runs (0–100) the newly published version gets; the rest stay on the previous live version.',
});

/** A staged rollout: new runs split by a stable hash of their run id between the live and the previous version. */
export const workflowRolloutSchema = z.object({
  'version-id': z.string(),
  'version-number': z.number().int(),
  'previous-version-id': z.string(),
  'previous-version-number': z.number().int(),
  percent: rolloutPercent,
});

export const workflowAttributesSchema = z.object({
  name,
  description,
  status: z.enum(workflowStatuses),
  graph: draftGraphSchema,
  'draft-revision': z
    .number()
    .int()
    .meta({ description: '+1 per draft save or restore; send it back as `meta.base-revision`.' }),
  'draft-saved-at': isoDateTime,
  'draft-issues': z
    .array(workflowIssueSchema)
    .meta({ description: "The compiler's issues with the draft: errors block publishing, warnings do not." }),
  'live-version-id': z.string().nullable().meta({ description: 'The latest published version: what triggers run.' }),
  'live-version-number': z.number().int().nullable(),
  rollout: workflowRolloutSchema
    .nullable()
    .meta({ description: 'A staged rollout in progress: which share of new runs the live version gets.' }),
  'creator-id': z.string().nullable(),
  'creator-type': actorType,
  'created-at': isoDateTime,
  'updated-at': isoDateTime,
});

export const workflowResourceSchema = resourceSchema(
  'workflow',
  workflowAttributesSchema,
  z.object({ 'live-version': toOne('workflow-version') }),
).meta({
  id: 'Workflow',
  example: {
    type: 'workflow',
    id: exampleWorkflowId,
    attributes: {
      name: 'High-value KYC review',
      description: 'Opens a KYC case for every high-value inquiry',
      status: 'active',
      graph: exampleGraph,
      'draft-revision': 7,
      'draft-saved-at': '2026-11-25T19:50:02.410Z',
      'draft-issues': [],
      'live-version-id': exampleVersionId,
      'live-version-number': 2,
      rollout: {
        'version-id': exampleVersionId,
        'version-number': 2,
        'previous-version-id': 'wfv_P7P9yS1qJ4cVb8nLr2mK0aXe',
        'previous-version-number': 1,
        percent: 30,
      },
      'creator-id': exampleKeyId,
      'creator-type': 'api-key',
      'created-at': '2026-11-25T19:44:21.806Z',
      'updated-at': '2026-11-25T19:50:02.410Z',
    },
    relationships: { 'live-version': { data: { type: 'workflow-version', id: exampleVersionId } } },
  },
});
export const workflowDocumentSchema = z.object({ data: workflowResourceSchema });
export const workflowListSchema = z.object({ data: z.array(workflowResourceSchema), links: pageLinksSchema });

export const workflowVersionAttributesSchema = z.object({
  'workflow-id': z.string(),
  number: z.number().int().meta({ description: '1, 2, 3… per workflow, in publishing order.' }),
  graph: graphSchema,
  plan: workflowPlanSchema,
  notes: z.string().nullable(),
  'author-id': z.string().nullable(),
  'author-type': actorType,
  'trigger-kind': z.enum(workflowTriggerKinds),
  'trigger-event': z.enum(caseEventNames).nullable().meta({ description: 'The case event of a `trigger.event`.' }),
  'draft-revision': z.number().int().meta({ description: 'The draft revision this version was published from.' }),
  'traffic-percent': z.number().int().min(0).max(100).meta({
    description:
      'The share of new runs (0–100) that start on this version now: 100 for the live version, split during a rollout.',
  }),
  'created-at': isoDateTime,
});

export const workflowVersionResourceSchema = resourceSchema(
  'workflow-version',
  workflowVersionAttributesSchema,
  z.object({ workflow: toOne('workflow') }),
).meta({
  id: 'WorkflowVersion',
  example: {
    type: 'workflow-version',
    id: exampleVersionId,
    attributes: {
      'workflow-id': exampleWorkflowId,
      number: 2,
      graph: exampleGraph,
      plan: examplePlan,
      notes: 'Create the case in the review queue',
      'author-id': exampleKeyId,
      'author-type': 'api-key',
      'trigger-kind': 'trigger.api',
      'trigger-event': null,
      'draft-revision': 6,
      'traffic-percent': 30,
      'created-at': '2026-11-25T19:48:40.120Z',
    },
    relationships: { workflow: { data: { type: 'workflow', id: exampleWorkflowId } } },
  },
});
export const workflowVersionDocumentSchema = z.object({ data: workflowVersionResourceSchema });
export const workflowVersionListSchema = z.object({
  data: z.array(workflowVersionResourceSchema),
  links: pageLinksSchema,
});

const baseRevision = z
  .number()
  .int()
  .min(1)
  .meta({ description: 'The `draft-revision` the client last saw: 409 if the draft has been saved since.' });

export const createWorkflowRequestSchema = z
  .strictObject({
    data: z.strictObject({
      attributes: z.strictObject({
        name,
        description: description.default(null),
        graph: draftGraphSchema.optional().meta({ description: 'The first draft; by default just an API trigger.' }),
      }),
    }),
  })
  .meta({
    id: 'CreateWorkflowRequest',
    example: { data: { attributes: { name: 'High-value KYC review', description: null, graph: exampleGraph } } },
  });

export const updateWorkflowRequestSchema = z
  .strictObject({ data: z.strictObject({ attributes: z.strictObject({ name, description }).partial() }) })
  .meta({
    id: 'UpdateWorkflowRequest',
    example: { data: { attributes: { name: 'KYC review (high value)', description: 'Inquiries over 10,000' } } },
  });

export const saveWorkflowDraftRequestSchema = z
  .strictObject({
    data: z.strictObject({ attributes: z.strictObject({ graph: draftGraphSchema }) }),
    meta: z.strictObject({ 'base-revision': baseRevision.optional() }).optional(),
  })
  .meta({
    id: 'SaveWorkflowDraftRequest',
    example: { data: { attributes: { graph: exampleGraph } }, meta: { 'base-revision': 6 } },
  });

export const publishWorkflowRequestSchema = z
  .strictObject({
    meta: z
      .strictObject({
        notes: multiLine(2000).nullable().optional().meta({ description: 'Why it changed.' }),
        'rollout-percent': rolloutPercent.optional().meta({
          description:
            'Staged rollout: the share of new runs (0–100, default 100) the new version gets; the rest stay on the previous live version until `POST /workflows/{id}/rollout` changes it.',
        }),
      })
      .optional(),
  })
  .meta({
    id: 'PublishWorkflowRequest',
    example: { meta: { notes: 'Create the case in the review queue', 'rollout-percent': 30 } },
  });

export const workflowRolloutRequestSchema = z
  .strictObject({ meta: z.strictObject({ 'rollout-percent': rolloutPercent }) })
  .meta({ id: 'WorkflowRolloutRequest', example: { meta: { 'rollout-percent': 60 } } });

export const restoreWorkflowRequestSchema = z
  .strictObject({
    // Two shapes rather than one object with a refinement, so that the OpenAPI document says what the API takes.
    meta: z
      .union(
        [
          z.strictObject({ 'version-id': z.string().min(1).max(100), 'base-revision': baseRevision.optional() }),
          z.strictObject({ 'version-number': z.number().int().min(1), 'base-revision': baseRevision.optional() }),
        ],
        { error: 'give exactly one of version-id and version-number' },
      )
      .meta({ description: 'The version to restore, by `version-id` or by `version-number` (exactly one).' }),
  })
  .meta({ id: 'RestoreWorkflowRequest', example: { meta: { 'version-number': 1 } } });

export const workflowListQuerySchema = z.strictObject({
  ...pageQueryOf('workflow'),
  'filter[status]': z.enum(workflowStatuses).optional(),
});
export const workflowVersionListQuerySchema = z.strictObject(pageQueryOf('workflowVersion'));

/** A 422 on publish: one error per compile error, and every issue (warnings too) under `meta.issues`. */
export const workflowPublishErrorMetaSchema = z.object({ issues: z.array(workflowIssueSchema) });

export type WorkflowIssue = z.infer<typeof workflowIssueSchema>;
export type WorkflowPlan = z.infer<typeof workflowPlanSchema>;
export type WorkflowResource = z.infer<typeof workflowResourceSchema>;
export type WorkflowVersionResource = z.infer<typeof workflowVersionResourceSchema>;
export type CreateWorkflowRequest = z.infer<typeof createWorkflowRequestSchema>;
export type UpdateWorkflowRequest = z.infer<typeof updateWorkflowRequestSchema>;
export type SaveWorkflowDraftRequest = z.infer<typeof saveWorkflowDraftRequestSchema>;
export type PublishWorkflowRequest = z.infer<typeof publishWorkflowRequestSchema>;
export type WorkflowRollout = z.infer<typeof workflowRolloutSchema>;
export type RestoreWorkflowRequest = z.infer<typeof restoreWorkflowRequestSchema>;
export type WorkflowTriggerKind = (typeof workflowTriggerKinds)[number];
