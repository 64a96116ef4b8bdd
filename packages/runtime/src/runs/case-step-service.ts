import { durationSeconds, type NodeKind, type PlainCase } from '@casework/shared';
import { z } from 'zod';
import type { Actor, CaseDocument } from '../cases/case-collections.ts';
import type { Claims } from '../platform/db/claims.ts';
import { UnprocessableError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { toPlainCase } from '../cases/case-mapper.ts';
import {
  changeAssignee,
  changeObjects,
  changeQueue,
  changeSla,
  changeStatus,
  changeTags,
  checkObjectIds,
  type CaseChange,
} from '../cases/case-changes.ts';
import type { CaseDomain } from '../cases/case-domain.ts';
import { applyFieldOperations } from '../cases/field-operations.ts';

export type CaseStepKind = Extract<NodeKind, `case.${string}`>;

/** One case step of a run, its parameters already evaluated (expressions replaced by their values). */
export interface CaseStepRequest {
  runId: string;
  nodeId: string;
  kind: CaseStepKind;
  params: Record<string, unknown>;
  /** The case the step acts on (resolved from its `case` reference); null for `case.create`. */
  caseId: string | null;
}

/** A list of strings; an item that is itself a list (an expression giving several ids) is spread into it. */
const strings = (label: string) =>
  z.array(z.union([z.string(), z.array(z.string())]), { error: label }).transform((items): string[] => items.flat());
const email = z.email();
const createParams = z.object({
  'case-template-id': z.string(),
  'case-queue-id': z.string().optional(),
  fields: z.record(z.string(), z.unknown()).default({}),
  'object-ids': strings('object ids must be strings').default([]),
  sla: z.object({ amount: z.number(), unit: z.enum(['minutes', 'hours', 'days']) }).optional(),
  'creator-email-address': email.optional(),
});

/** Parses evaluated params; a wrong type (an expression gave a number where a list was due) is a step error. */
function parse<T>(schema: z.ZodType<T>, params: unknown): T {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  throw UnprocessableError.fromIssues(
    result.error.issues.map((issue) => ({ pointer: `/${issue.path.join('/')}`, message: issue.message })),
  );
}

/**
 * Runs workflow case steps through the case domain the Cases API uses. Idempotent per (run id, node id): a
 * created case's id is claimed once for the step, and a change records its step key on the case, so a retried
 * activity never creates a second case nor records an event twice.
 */
export function createCaseStepService(deps: { domain: CaseDomain; claims: Claims }) {
  const { domain } = deps;

  async function create(request: CaseStepRequest, actor: Actor, beforeCommit: () => void): Promise<CaseDocument> {
    const params = parse(createParams, request.params);
    const claim = await deps.claims.claimOnce(`case-step:${request.runId}:${request.nodeId}`, () => newId('case'));
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
      { id, workflowRunId: request.runId, beforeCommit },
    );
  }

  /** The change a step makes to `kase`, computed on each (re)read of the case. */
  async function changeOf(
    request: CaseStepRequest,
    actor: Actor,
  ): Promise<(kase: CaseDocument, now: Date) => CaseChange | null> {
    const { params } = request;
    switch (request.kind) {
      case 'case.create':
        throw new Error('case.create is not a change');
      case 'case.update-fields': {
        const { operations } = parse(z.object({ operations: z.array(z.record(z.string(), z.unknown())) }), params);
        return (kase) => applyFieldOperations(kase, operations);
      }
      case 'case.attach-objects': {
        const ids = checkObjectIds(
          parse(z.object({ 'object-ids': strings('object ids must be strings') }), params)['object-ids'],
          '/object-ids',
        );
        return (kase) => changeObjects(kase, ids, 'add');
      }
      case 'case.set-status': {
        const { status } = parse(z.object({ status: z.string() }), params);
        return (kase, now) => changeStatus(kase, status, actor, now);
      }
      case 'case.assign': {
        const email = parse(z.object({ 'user-email-address': z.email() }), params)['user-email-address'];
        return (kase, now) => changeAssignee(kase, email, actor, now);
      }
      case 'case.set-sla': {
        const { sla } = parse(z.object({ sla: createParams.shape.sla.unwrap() }), params);
        return (kase, now) => changeSla(kase, new Date(now.getTime() + durationSeconds(sla) * 1000));
      }
      case 'case.clear-sla':
        return (kase) => changeSla(kase, null);
      case 'case.add-to-queue': {
        const queueId = parse(z.object({ 'case-queue-id': z.string() }), params)['case-queue-id'];
        await domain.caseQueues.getActiveQueue(queueId, '/case-queue-id');
        return (kase) => changeQueue(kase, queueId);
      }
      case 'case.add-comment': {
        const { body } = parse(z.object({ body: z.string().trim().min(1).max(10_000) }), params);
        return () => ({
          set: {},
          events: [{ name: 'case.commented', payload: { 'comment-id': newId('comment'), body } }],
        });
      }
      case 'case.add-tags': {
        const { tags } = parse(z.object({ tags: strings('tags must be strings') }), params);
        return (kase) => changeTags(kase, [...kase.tags, ...tags]);
      }
    }
  }

  return {
    /** Runs the step; resolves the case as the step left it. `beforeCommit` may veto the write (by throwing). */
    async run(request: CaseStepRequest, beforeCommit: () => void = () => {}): Promise<PlainCase> {
      const actor: Actor = { id: request.runId, type: 'workflow-run' };
      if (request.kind === 'case.create') return toPlainCase(await create(request, actor, beforeCommit));
      if (!request.caseId) throw new UnprocessableError(`step ${request.nodeId} has no case to act on`);
      const stepKey = `${request.runId}:${request.nodeId}`;
      const compute = await changeOf(request, actor);
      const kase = await domain.writer.mutate(request.caseId, actor, (current, now) => {
        if (current.appliedSteps?.includes(stepKey)) return null;
        const change = compute(current, now);
        if (!change) return null;
        beforeCommit();
        const runIds = current.workflowRunIds.includes(request.runId)
          ? current.workflowRunIds
          : [...current.workflowRunIds, request.runId];
        const appliedSteps = [...(current.appliedSteps ?? []).slice(-49), stepKey];
        return { ...change, set: { ...change.set, appliedSteps, workflowRunIds: runIds } };
      });
      return toPlainCase(kase);
    },
  };
}

export type CaseStepService = ReturnType<typeof createCaseStepService>;
