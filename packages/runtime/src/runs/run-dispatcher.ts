import { evaluateCondition, parseTemplate, type CaseEventDelivery } from '@casework/shared';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { CaseEventDocument, StoredCaseDocument } from '../cases/case-collections.ts';
import { caseEventSignal } from '../temporal/workflows/run-plan.workflow.ts';
import { toPlainCase } from '../cases/case-mapper.ts';
import type { WarnLogger } from '../cases/event-publisher.ts';
import type { RunnableVersion, WorkflowRunService } from './workflow-run-service.ts';

/** The live workflows triggered by any of the event names, with the event and their criteria (a `{{ … }}` string). */
export type EventTriggeredWorkflows = (eventNames: readonly string[]) => Promise<
  {
    eventName: string;
    version: RunnableVersion;
    rollout: { previous: RunnableVersion; percent: number } | null;
    criteria: string | null;
  }[]
>;

/**
 * What recorded case events set off in workflows: runs waiting on the case get a signal, and every live workflow
 * triggered by the event (criteria holding) starts one run — exactly once per (event, workflow), because the run
 * id is claimed per pair and Temporal never reuses a run's workflow id. Safe to repeat (a retry or the sweeper may
 * publish again).
 */
export function createRunDispatcher(deps: {
  /** Forgets a wait whose run is gone. */
  removeWait: (caseId: string, wait: { runId: string; nodeId: string }) => Promise<void>;
  runService: WorkflowRunService;
  eventTriggered: EventTriggeredWorkflows;
  client: Client;
  log: WarnLogger;
}) {
  /** Signals the runs registered on the case (at the version written) that await one of `events`. */
  async function signalWaitingRuns(kase: StoredCaseDocument, events: CaseEventDocument[]): Promise<void> {
    for (const event of events) {
      const delivery: CaseEventDelivery = {
        caseId: kase._id,
        event: { id: event._id, name: event.name, at: event.createdAt.toISOString() },
        case: toPlainCase(kase),
      };
      for (const wait of kase.waits.filter((candidate) => candidate.events.includes(event.name))) {
        try {
          await deps.client.workflow.getHandle(wait.runId).signal(caseEventSignal, delivery);
        } catch (error) {
          // The run ended meanwhile (canceled, timed out): nobody is waiting any more.
          if (!(error instanceof WorkflowNotFoundError)) throw error;
          await deps.removeWait(kase._id, wait);
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

  async function startTriggeredRuns(
    kase: StoredCaseDocument,
    event: CaseEventDocument,
    triggered: Awaited<ReturnType<EventTriggeredWorkflows>>,
  ): Promise<void> {
    for (const { version, rollout, criteria } of triggered.filter((candidate) => candidate.eventName === event.name)) {
      const input = {
        event: { id: event._id, name: event.name, at: event.createdAt.toISOString() },
        case: toPlainCase(kase),
      };
      if (!(await criteriaHold(criteria, input, version.workflowId))) continue;
      await deps.runService.start({
        version,
        rollout,
        input,
        trigger: { kind: 'event', eventId: event._id, eventName: event.name, caseId: event.caseId },
        creator: null,
        dedupeKey: `event-trigger:${event._id}:${version.workflowId}`,
      });
    }
  }

  return {
    /** Called once a write's events are stored; throwing leaves the case dirty, to be published again. */
    async onPublished(kase: StoredCaseDocument, events: CaseEventDocument[]): Promise<void> {
      if (events.length === 0) return;
      await signalWaitingRuns(kase, events);
      const triggered = await deps.eventTriggered([...new Set(events.map((event) => event.name))]);
      for (const event of events) await startTriggeredRuns(kase, event, triggered);
    },
  };
}

export type RunDispatcher = ReturnType<typeof createRunDispatcher>;
