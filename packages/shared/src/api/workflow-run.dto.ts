import { z } from 'zod';
import { runStatuses, stepStateSchema } from '../runs/run-state.ts';
import { isoDateTime, pageLinksSchema, pageQueryOf, resourceSchema, toOne } from './jsonapi.ts';

export const runTriggerKinds = ['api', 'event', 'rerun', 'workflow', 'schedule'] as const;

export const workflowRunAttributesSchema = z.object({
  status: z.enum(runStatuses),
  'workflow-id': z.string(),
  'workflow-version-id': z.string(),
  'workflow-version-number': z.number().int(),
  'trigger-kind': z.enum(runTriggerKinds),
  /** The trigger's output: the validated payload, `{ event, case }` for an event trigger, `{ scheduledAt, scheduleId }` for a schedule. */
  trigger: z.unknown(),
  'trigger-event-id': z.string().nullable(),
  'rerun-of': z.string().nullable(),
  'parent-run-id': z
    .string()
    .nullable()
    .meta({ description: 'The run whose `flow.run-workflow` step started this one (`trigger-kind: workflow`).' }),
  'case-ids': z.array(z.string()),
  steps: z.array(stepStateSchema),
  error: z.string().nullable(),
  /**
   * Set while the run cannot make progress: its workflow task has failed (or timed out) again and again, e.g. on a
   * bug in the worker. The reason is the last failure; Temporal retries the task until it succeeds or the run is
   * canceled. Null otherwise, and for ended runs.
   */
  stuck: z
    .object({ reason: z.string(), 'failed-attempts': z.number().int() })
    .nullable()
    .meta({ description: 'the run cannot make progress: its workflow task keeps failing (the last reason)' }),
  'created-at': isoDateTime,
  'updated-at': isoDateTime,
  'completed-at': isoDateTime.nullable(),
  'temporal-workflow-id': z.string(),
  'temporal-run-id': z.string().nullable(),
  'temporal-ui-url': z.string(),
  'creator-id': z.string().nullable(),
  'creator-type': z.string().nullable(),
});

const exampleRunId = 'wfr_P7PA4EwX9gXn3uHFVl1pYbGr';

export const workflowRunResourceSchema = resourceSchema(
  'workflow-run',
  workflowRunAttributesSchema,
  z.object({ workflow: toOne('workflow'), 'workflow-version': toOne('workflow-version') }),
).meta({
  id: 'WorkflowRun',
  example: {
    type: 'workflow-run',
    id: exampleRunId,
    attributes: {
      status: 'waiting',
      'workflow-id': 'wfl_P7P9zA3eQd0jQ2kqH6tN8wVb',
      'workflow-version-id': 'wfv_P7PA1kL0qj4yQhT5n2rWmXcD',
      'workflow-version-number': 3,
      'trigger-kind': 'api',
      trigger: { 'inquiry-id': 'inq_5cNxZX3vMy7ACoqYbHQBbNyA', amount: 25000 },
      'trigger-event-id': null,
      'rerun-of': null,
      'parent-run-id': null,
      'case-ids': ['case_P7PA4F0Yl8m2qV1c3sXbN9aZ'],
      steps: [
        {
          'node-id': 'trigger',
          status: 'completed',
          'started-at': '2026-11-25T19:44:22.113Z',
          'completed-at': '2026-11-25T19:44:22.113Z',
          attempts: 1,
          output: { 'inquiry-id': 'inq_5cNxZX3vMy7ACoqYbHQBbNyA', amount: 25000 },
          error: null,
        },
        {
          'node-id': 'wait-review',
          status: 'waiting',
          'started-at': '2026-11-25T19:44:22.950Z',
          'completed-at': null,
          attempts: 0,
          output: null,
          error: null,
        },
      ],
      error: null,
      stuck: null,
      'created-at': '2026-11-25T19:44:22.101Z',
      'updated-at': '2026-11-25T19:44:22.950Z',
      'completed-at': null,
      'temporal-workflow-id': exampleRunId,
      'temporal-run-id': '0195a9b2-6f0e-7c1a-9d2e-3f4b5c6d7e8f',
      'temporal-ui-url': `http://localhost:8233/namespaces/default/workflows/${exampleRunId}/0195a9b2-6f0e-7c1a-9d2e-3f4b5c6d7e8f/history`,
      'creator-id': 'key_GV4o40nJdVQMq-FT5xHdaEHr',
      'creator-type': 'api-key',
    },
    relationships: {
      workflow: { data: { type: 'workflow', id: 'wfl_P7P9zA3eQd0jQ2kqH6tN8wVb' } },
      'workflow-version': { data: { type: 'workflow-version', id: 'wfv_P7PA1kL0qj4yQhT5n2rWmXcD' } },
    },
  },
});

export const workflowRunDocumentSchema = z.object({ data: workflowRunResourceSchema });
export const workflowRunListSchema = z.object({ data: z.array(workflowRunResourceSchema), links: pageLinksSchema });

export const triggerWorkflowRequestSchema = z
  .strictObject({
    data: z
      .strictObject({
        attributes: z.strictObject({ fields: z.record(z.string().max(64), z.unknown()).optional() }).optional(),
      })
      .optional(),
  })
  .meta({
    id: 'TriggerWorkflowRequest',
    example: { data: { attributes: { fields: { 'inquiry-id': 'inq_5cNxZX3vMy7ACoqYbHQBbNyA', amount: 25000 } } } },
  });

export const rerunWorkflowRunRequestSchema = z
  .strictObject({
    meta: z.strictObject({ version: z.enum(['same', 'live']).default('same').meta({ example: 'live' }) }).optional(),
  })
  .meta({ id: 'RerunWorkflowRunRequest', example: { meta: { version: 'live' } } });

export const workflowRunListQuerySchema = z.strictObject({
  ...pageQueryOf('workflowRun'),
  'filter[workflow-id]': z.string().max(100).optional(),
  'filter[status]': z.enum(runStatuses).optional(),
  'filter[case-id]': z.string().max(100).optional(),
});

export type WorkflowRunResource = z.infer<typeof workflowRunResourceSchema>;
export type TriggerWorkflowRequest = z.infer<typeof triggerWorkflowRequestSchema>;
