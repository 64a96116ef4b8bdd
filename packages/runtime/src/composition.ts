import { ensureAccessIndexes } from './access/access-collections.ts';
import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import { ensureCaseIndexes } from './cases/case-collections.ts';
import { createCaseDomain } from './cases/case-domain.ts';
import type { WarnLogger } from './cases/event-publisher.ts';
import type { Clock } from './platform/clock.ts';
import { ensureIndexes } from './platform/db/indexes.ts';
import { createCaseStepService } from './runs/case-step-service.ts';
import { createChildRunService } from './runs/child-run-service.ts';
import { createRunDomain } from './runs/run-domain.ts';
import { createScheduledRuns } from './runs/scheduled-runs.ts';
import { ensureRunIndexes } from './runs/workflow-run-collections.ts';
import { createActivities } from './temporal/activities/index.ts';
import { ensureWorkflowIndexes } from './workflows/workflow-collections.ts';
import { createWorkflowServiceOn } from './workflows/workflow-service.ts';
import { createHttpClient } from './http/http-client.ts';
import { emptyAllowlist, type HttpAllowlist } from './http/http-allowlist.ts';
import { createSecretRepository } from './secrets/secret-repository.ts';
import { createSecretReader } from './secrets/secret-service.ts';
import { createWorkflowSchedules } from './workflows/workflow-schedules.ts';

export interface DomainDeps {
  db: Db;
  clock: Clock;
  log: WarnLogger;
  temporal: { client: Client; taskQueue: string };
}

/**
 * The one composition root: every domain wired once from its dependencies. The api (app.ts) and the worker
 * (temporal/worker-factory.ts) both build it, so a workflow step changes a case through exactly the code the Cases
 * API uses, and the events of any write reach waiting runs and event triggers the same way.
 */
export function createDomains(deps: DomainDeps) {
  const runs = createRunDomain(deps);
  const cases = createCaseDomain({ ...deps, onPublished: runs.dispatcher.onPublished });
  const schedules = createWorkflowSchedules(deps.temporal);
  const workflows = createWorkflowServiceOn(deps.db, deps.clock, { schedules, log: deps.log });
  const caseSteps = createCaseStepService({ domain: cases });
  const childRuns = createChildRunService({ workflows, runService: runs.runService });
  const scheduledRuns = createScheduledRuns({ workflows, runService: runs.runService, clock: deps.clock });
  return { cases, runs, workflows, schedules, caseSteps, childRuns, scheduledRuns };
}

export type Domains = ReturnType<typeof createDomains>;

/** What `http.request` steps need of the environment: the secrets' key and what the address guard lets through. */
export interface HttpStepConfig {
  secretsKey: Buffer | undefined;
  allowlist: HttpAllowlist;
}

/** Every activity the worker registers, over the domains. */
export function workerActivities(domains: Domains, deps: Pick<DomainDeps, 'db' | 'clock'> & { http?: HttpStepConfig }) {
  return createActivities({
    db: deps.db,
    clock: deps.clock,
    slaExpiry: domains.cases.actions,
    runs: {
      steps: domains.caseSteps,
      runs: domains.runs.runs,
      cases: domains.cases.caseRepository,
      caseWaits: domains.cases.writer,
      runEvents: domains.runs.runEvents,
      childRuns: domains.childRuns,
    },
    http: {
      client: createHttpClient({ allowlist: deps.http?.allowlist ?? emptyAllowlist }),
      readSecret: createSecretReader(createSecretRepository(deps.db), deps.http?.secretsKey),
      now: () => deps.clock().getTime() / 1000,
    },
    scheduledRuns: domains.scheduledRuns,
  });
}

/** Creates every index the repositories rely on. Idempotent; run at start-up by the api and the worker. */
export async function ensureStoreIndexes(db: Db): Promise<void> {
  await ensureIndexes(db);
  await ensureAccessIndexes(db);
  await ensureCaseIndexes(db);
  await ensureWorkflowIndexes(db);
  await ensureRunIndexes(db);
}
