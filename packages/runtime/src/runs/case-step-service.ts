import { nodeCatalog, type PlainCase } from '@casework/shared';
import type { z } from 'zod';
import type { Actor } from '../cases/case-collections.ts';
import type { CaseDomain } from '../cases/case-domain.ts';
import { toPlainCase } from '../cases/case-mapper.ts';
import { caseChangeExecutorOf } from '../nodes/case-change-registry.ts';
import { createCaseStep } from '../nodes/case.create.executor.ts';
import { fetchCaseStep } from '../nodes/case.fetch.executor.ts';
import type { CaseStepKind } from '../nodes/case-step-executor.ts';
import { CaseRedactedError, UnprocessableError } from '../platform/errors.ts';

export type { CaseStepKind };

/** One case step of a run, its parameters already evaluated (expressions replaced by their values). */
export interface CaseStepRequest {
  runId: string;
  nodeId: string;
  kind: CaseStepKind;
  params: Record<string, unknown>;
  /** The case the step acts on (resolved from its `case` reference); null for `case.create` and `case.fetch`. */
  caseId: string | null;
}

/** Parses evaluated params; a wrong type (an expression gave a number where a list was due) is a step error. */
function parse<T>(schema: z.ZodType<T>, params: unknown): T {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  throw UnprocessableError.fromIssues(
    result.error.issues.map((issue) => ({ pointer: `/${issue.path.join('/')}`, message: issue.message })),
  );
}

/**
 * Runs workflow case steps through the case domain the Cases API uses: each kind's params are parsed with its
 * `evaluatedParamsSchema` (packages/shared/src/nodes/) and run by its executor (packages/runtime/src/nodes/).
 * Idempotent per (run id, node id): a created case keeps the step's key (unique), and a change records its step
 * key on the case, so a retried activity never creates a second case nor records an event twice.
 */
export function createCaseStepService(deps: { domain: CaseDomain }) {
  const { domain } = deps;
  const paramsOf = <K extends CaseStepKind>(kind: K, params: unknown) =>
    parse(nodeCatalog[kind].evaluatedParamsSchema as z.ZodType, params);

  return {
    /** Runs the step; resolves the case as the step left it. `beforeCommit` may veto the write (by throwing). */
    async run(request: CaseStepRequest, beforeCommit: () => void = () => {}): Promise<PlainCase> {
      const actor: Actor = { id: request.runId, type: 'workflow-run' };
      const { kind, runId, nodeId } = request;
      if (kind === 'case.create') {
        const params = paramsOf(kind, request.params) as Parameters<typeof createCaseStep>[0];
        return toPlainCase(await createCaseStep(params, { ...deps, actor, runId, nodeId, beforeCommit }));
      }
      if (kind === 'case.fetch') {
        const params = paramsOf(kind, request.params) as Parameters<typeof fetchCaseStep>[0];
        return toPlainCase(await fetchCaseStep(params, domain));
      }
      if (!request.caseId) throw new UnprocessableError(`step ${nodeId} has no case to act on`);
      const stepKey = `${runId}:${nodeId}`;
      const params = paramsOf(kind, request.params) as never;
      const executor = caseChangeExecutorOf(kind);
      const compute = await executor.change(params, { actor, domain });
      const caseId = request.caseId;
      const write = domain.writer.mutate(caseId, actor, (current, now) => {
        if (current.appliedSteps?.includes(stepKey)) return null;
        const change = compute(current, now);
        if (!change) return null;
        beforeCommit();
        const runIds = current.workflowRunIds.includes(runId)
          ? current.workflowRunIds
          : [...current.workflowRunIds, runId];
        const appliedSteps = [...(current.appliedSteps ?? []).slice(-49), stepKey];
        return { ...change, set: { ...change.set, appliedSteps, workflowRunIds: runIds } };
      });
      const kase = await write.catch(async (error: unknown) => {
        if (!(error instanceof CaseRedactedError)) throw error;
        // Redacted meanwhile: fine if this step's earlier attempt made its change (its result was lost), or if
        // redaction is what the step wants.
        const current = await domain.caseRepository.findById(caseId);
        if (!current || !(executor.doneWhenRedacted || current.appliedSteps?.includes(stepKey))) throw error;
        return current;
      });
      return toPlainCase(kase);
    },
  };
}

export type CaseStepService = ReturnType<typeof createCaseStepService>;
