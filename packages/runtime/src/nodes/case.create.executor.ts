import { durationSeconds } from '@casework/shared';
import type { Actor, CaseDocument } from '../cases/case-collections.ts';
import type { CaseDomain } from '../cases/case-domain.ts';
import type { Claims } from '../platform/db/claims.ts';
import { newId } from '../platform/ids.ts';
import type { EvaluatedParams } from './case-step-executor.ts';

export interface CaseCreateContext {
  domain: CaseDomain;
  claims: Claims;
  actor: Actor;
  /** The step: a created case's id is claimed once per (run id, node id). */
  runId: string;
  nodeId: string;
  beforeCommit: () => void;
}

/** `case.create`: creates the case through the Cases API's code, once per step however often it is retried. */
export async function createCaseStep(
  params: EvaluatedParams<'case.create'>,
  { domain, claims, actor, runId, nodeId, beforeCommit }: CaseCreateContext,
): Promise<CaseDocument> {
  const claim = await claims.claimOnce(`case-step:${runId}:${nodeId}`, () => newId('case'));
  const id = claim.value;
  // A retried attempt: the case may have been created by an earlier one.
  const existing = claim.first ? null : await domain.caseRepository.findById(id);
  if (existing) return existing;
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
    { id, workflowRunId: runId, beforeCommit },
  );
}
