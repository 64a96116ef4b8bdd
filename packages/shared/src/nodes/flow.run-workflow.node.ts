import { z } from 'zod';
import { fieldKeySchema } from '../cases/field-schema.ts';
import { defineNode } from './node-definition.ts';
import { actionOptions, valueSchema } from './node-params.ts';
import { summaryText } from './node-summary-text.ts';

/**
 * Runs another workflow's live version as a child run (a Temporal child workflow with its own run record): `input`
 * becomes the child's trigger payload, checked against its API trigger's fields when the step runs. With
 * `wait-for-result` the step ends with the child and fails when it fails; without, it ends once the child started.
 * Calls nest at most `MAX_WORKFLOW_CALL_DEPTH` deep (packages/shared/src/runs/run-input.ts).
 */
export const flowRunWorkflowNode = defineNode({
  kind: 'flow.run-workflow',
  version: 1,
  role: 'action',
  paramsSchema: z.strictObject({
    'workflow-id': z.string().min(1).max(100),
    input: z.record(fieldKeySchema, valueSchema).default({}),
    'wait-for-result': z.boolean().default(true),
    ...actionOptions,
  }),
  handles: () => ['next'],
  outputSchema: z.object({
    'run-id': z.string(),
    'workflow-id': z.string(),
    'version-id': z.string(),
    'version-number': z.number(),
    /** `completed` or `errored` once waited for; `started` without waiting. */
    status: z.enum(['started', 'completed', 'errored']),
    'case-ids': z.array(z.string()),
    error: z.string().nullable(),
  }),
  outputHasCase: false,
  checkCatalog: (params, check) => {
    const path = '/params/workflow-id';
    const id = params['workflow-id'];
    if (id === check.catalog.currentWorkflowId) {
      check.report('self-call', 'a workflow cannot run itself', path);
      return;
    }
    const workflow = check.catalog.workflows?.find((candidate) => candidate.id === id);
    if (!workflow) check.report('unknown-workflow', `no workflow "${id}"`, path);
    else if (workflow.status !== 'active')
      check.report('unknown-workflow', `workflow "${workflow.name}" is archived`, path);
    else if (!workflow.live) {
      check.report('unknown-workflow', `workflow "${workflow.name}" has no published version: publish it first`, path);
    }
  },
  title: 'Run workflow',
  description: "Runs another workflow's live version as a child run, waiting for its result or not",
  idBase: 'run-workflow',
  defaults: () => ({ 'workflow-id': '', input: {}, 'wait-for-result': true }),
  summary: (params, catalog) => {
    const id = summaryText(params['workflow-id']);
    const name = id === undefined ? undefined : (catalog.workflows?.find((w) => w.id === id)?.name ?? id);
    return [
      name === undefined ? 'workflow: not chosen' : `runs ${name}`,
      params['wait-for-result'] === false ? 'fire and forget' : 'waits for its result',
    ];
  },
});
