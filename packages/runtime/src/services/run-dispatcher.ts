import { evaluateCondition, parseTemplate, type CaseEventDelivery } from '@casework/shared';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { CaseRevisionDocument, CaseEventDocument } from '../db/case-collections.ts';
import type { WorkflowRunRepository } from '../db/workflow-run-repository.ts';
import { caseEventSignal } from '../temporal/workflows/run-plan.workflow.ts';
import { toPlainCase } from './case-mapper.ts';
import type { WarnLogger } from './case-writer.ts';
import type { RunnableVersion, WorkflowRunService } from './workflow-run-service.ts';

/** The live event-triggered workflows for an event name, with their trigger's criteria (a `{{ … }}` string). */
export type EventTriggeredWorkflows = (
  eventName: string,
) => Promise<{ version: RunnableVersion; criteria: string | null }[]>;

/**
 * What recorded case events set off in workflows: runs waiting on the case get a signal, and every live workflow
 * triggered by the event (criteria holding) starts one run — exactly once per (event, workflow), because the run
 * id is claimed per pair and Temporal never reuses a run's workflow id. Safe to repeat (the sweeper re-publishes).
 */
export function createRunDispatcher(deps: {
  runs: WorkflowRunRepository;
  runService: WorkflowRunService;
  eventTriggered: EventTriggeredWorkflows;
  client: Client;
  log: WarnLogger;
}) {
  async function signalWaitingRuns(revision: CaseRevisionDocument, events: CaseEventDocument[]): Promise<void> {
    const waits = await deps.runs.waitsOn(revision.caseId);
    for (const event of events) {
      const delivery: CaseEventDelivery = {
        caseId: revision.caseId,
        event: { id: event._id, name: event.name, at: event.createdAt.toISOString() },
        case: toPlainCase(revision.doc),
      };
      for (const wait of waits.filter((candidate) => candidate.events.includes(event.name))) {
        try {
          await deps.client.workflow.getHandle(wait.runId).signal(caseEventSignal, delivery);
        } catch (error) {
          // The run ended meanwhile (canceled, timed out): nobody is waiting any more.
          if (!(error instanceof WorkflowNotFoundError)) throw error;
          await deps.runs.closeWait(wait);
        }
      }
    }
  }

  async function criteriaHold(criteria: string | null, trigger: unknown, workflowId: string): Promise<boolean> {
    if (!criteria) return true;
    const parsed = parseTemplate(criteria);
    if (parsed.kind !== 'expression') return false;
    try {
      return await evaluateCondition(parsed.source, { trigger, steps: {} });
    } catch (error) {
      deps.log.warn({ err: error, workflowId }, 'event trigger criteria failed to evaluate; no run started');
      return false;
    }
  }

  async function startTriggeredRuns(revision: CaseRevisionDocument, event: CaseEventDocument): Promise<void> {
    const triggered = await deps.eventTriggered(event.name);
    for (const { version, criteria } of triggered) {
      const input = {
        event: { id: event._id, name: event.name, at: event.createdAt.toISOString() },
        case: toPlainCase(revision.doc),
      };
      if (!(await criteriaHold(criteria, input, version.workflowId))) continue;
      await deps.runService.start({
        version,
        input,
        trigger: { kind: 'event', eventId: event._id, eventName: event.name, caseId: event.caseId },
        creator: null,
        dedupeKey: `event-trigger:${event._id}:${version.workflowId}`,
      });
    }
  }

  return {
    /** Called once a revision's events are stored; throwing leaves the revision for the sweeper to retry. */
    async onPublished(revision: CaseRevisionDocument): Promise<void> {
      if (revision.events.length === 0) return;
      await signalWaitingRuns(revision, revision.events);
      for (const event of revision.events) await startTriggeredRuns(revision, event);
    },
  };
}

export type RunDispatcher = ReturnType<typeof createRunDispatcher>;
