import { durationSeconds } from '@casework/shared';
import type { Actor, CaseDocument } from '../cases/case-collections.ts';
import type { CaseDomain } from '../cases/case-domain.ts';
import type { EvaluatedParams } from './case-step-executor.ts';

export interface CaseCreateContext {
  domain: CaseDomain;
  actor: Actor;
  /** The step: it creates one case per (run id, node id). */
  runId: string;
  nodeId: string;
  beforeCommit: () => void;
}

/**
 * `case.create`: creates the case through the Cases API's code, once per step however often it is retried (the case
 * keeps the step's key, `case-step:<run id>:<node id>`).
 */
export async function createCaseStep(
  params: EvaluatedParams<'case.create'>,
  { domain, actor, runId, nodeId, beforeCommit }: CaseCreateContext,
): Promise<CaseDocument> {
  return domain.cases.create(
    {
      data: {
        attributes: {
          'case-template-id': params['case-template-id'],
          ...(params['case-queue-id'] ? { 'case-queue-id': params['case-queue-id'] } : {}),
          ...(params['creator-email-address'] ? { 'creator-email-address': params['creator-email-address'] } : {}),
          fields: params.fields,
        },
      },
      meta: {
        'object-ids': params['object-ids'],
        ...(params.sla ? { 'sla-expires-in-seconds': durationSeconds(params.sla) } : {}),
      },
    },
    actor,
    { dedupeKey: `case-step:${runId}:${nodeId}`, workflowRunId: runId, beforeCommit },
  );
}
