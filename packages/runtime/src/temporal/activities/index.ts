import type { Db } from 'mongodb';
import { createSystemCheckRepository } from '../../platform/system-checks/system-check-repository.ts';
import type { Clock } from '../../platform/clock.ts';
import { createCaseSlaActivities, unconfiguredSlaExpiry, type SlaExpiry } from './case-sla.activities.ts';
import { createHttpActivities } from './http.activities.ts';
import { createRunActivities, type RunActivityDeps } from './run.activities.ts';
import type { HttpStepDeps } from '../../http/http-request.ts';
import type { ScheduledRuns } from '../../runs/scheduled-runs.ts';
import { createScheduledRunActivities } from './scheduled-run.activities.ts';
import { createSystemCheckActivities } from './system-check.activities.ts';

export interface ActivityDeps {
  db: Db;
  clock: Clock;
  /** The case service's idempotent SLA expiry; without it, `expireCaseSla` fails non-retryably. */
  slaExpiry?: SlaExpiry;
  /** The interpreter's case steps, waits and run records; without them the worker runs no workflow plans. */
  runs?: RunActivityDeps;
  /** `http.request` steps: the guarded HTTP client and the secrets; without them the worker runs no such step. */
  http?: HttpStepDeps;
  /** Runs started by workflow schedules; without it the worker dispatches no scheduled firings. */
  scheduledRuns?: ScheduledRuns;
}

/** Every activity the worker registers, built from its dependencies (no module singletons). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createSystemCheckActivities({ systemChecks: createSystemCheckRepository(deps.db), clock: deps.clock }),
    ...createCaseSlaActivities({ slaExpiry: deps.slaExpiry ?? unconfiguredSlaExpiry }),
    ...(deps.runs ? createRunActivities(deps.runs) : {}),
    ...(deps.http ? createHttpActivities(deps.http) : {}),
    ...(deps.scheduledRuns ? createScheduledRunActivities({ scheduledRuns: deps.scheduledRuns }) : {}),
  };
}

export type Activities = ReturnType<typeof createActivities>;
