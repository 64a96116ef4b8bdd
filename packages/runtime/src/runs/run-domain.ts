import type { Plan } from '@casework/shared';
import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import { createCaseRepository } from '../cases/case-repository.ts';
import { createClaims } from '../platform/db/claims.ts';
import { createEventRepository } from '../cases/event-repository.ts';
import { createWorkflowRepository } from '../workflows/workflow-repository.ts';
import { createWorkflowRunRepository } from './workflow-run-repository.ts';
import type { Clock } from '../platform/clock.ts';
import type { WarnLogger } from '../cases/event-publisher.ts';
import { createRunDispatcher } from './run-dispatcher.ts';
import { createRunEvents } from './run-events.ts';
import { createWorkflowRunService, type RunnableVersion } from './workflow-run-service.ts';

/** The `criteria` of a plan's event trigger, if it has one. */
function triggerCriteria(plan: Plan): string | null {
  const trigger = plan.steps[plan.trigger];
  return trigger?.kind === 'trigger.event' ? (trigger.params.criteria ?? null) : null;
}

export const runnableVersion = (version: {
  _id: string;
  workflowId: string;
  number: number;
  plan: Plan;
}): RunnableVersion => ({
  workflowId: version.workflowId,
  versionId: version._id,
  versionNumber: version.number,
  plan: version.plan,
});

/** What a run of a workflow starts from: its live version and, during a staged rollout, the previous one. */
export const runnableChoice = (live: {
  version: Parameters<typeof runnableVersion>[0];
  rollout: { previous: Parameters<typeof runnableVersion>[0]; percent: number } | null;
}) => ({
  version: runnableVersion(live.version),
  rollout: live.rollout && { previous: runnableVersion(live.rollout.previous), percent: live.rollout.percent },
});

/** Runs of workflows, wired once: the api (trigger, runs API) and the worker (event triggers from steps) build it. */
export function createRunDomain(deps: {
  db: Db;
  clock: Clock;
  log: WarnLogger;
  temporal: { client: Client; taskQueue: string };
}) {
  const runs = createWorkflowRunRepository(deps.db);
  const claims = createClaims(deps.db, deps.clock);
  const workflows = createWorkflowRepository(deps.db);
  const runEvents = createRunEvents({ events: createEventRepository(deps.db), claims, clock: deps.clock });
  const runService = createWorkflowRunService({ runs, claims, runEvents, temporal: deps.temporal, clock: deps.clock });
  const cases = createCaseRepository(deps.db);
  const dispatcher = createRunDispatcher({
    removeWait: (caseId, wait) => cases.removeWait(caseId, wait),
    runService,
    client: deps.temporal.client,
    log: deps.log,
    eventTriggered: async (eventNames) =>
      (await workflows.findLiveByTriggerEvents(eventNames)).map(({ eventName, version, rollout }) => ({
        eventName,
        // A rollout splits event-triggered runs only between versions that start alike (same event, same criteria).
        ...runnableChoice({
          version,
          rollout: rollout && triggerCriteria(rollout.previous.plan) === triggerCriteria(version.plan) ? rollout : null,
        }),
        criteria: triggerCriteria(version.plan),
      })),
  });
  return { runs, claims, runEvents, runService, dispatcher };
}

export type RunDomain = ReturnType<typeof createRunDomain>;
