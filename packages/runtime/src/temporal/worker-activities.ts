import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import type { Clock } from '../lib/clock.ts';
import type { WarnLogger } from '../services/event-publisher.ts';
import { createCaseDomain } from '../services/case-domain.ts';
import { createCaseStepService } from '../services/case-step-service.ts';
import { createRunDomain } from '../services/run-domain.ts';
import { createActivities } from './activities/index.ts';

/**
 * The worker's activities over the same case and run domains as the api (so a step changes a case through the
 * code the Cases API uses, and its events reach waiting runs and event triggers), and the domains themselves for
 * callers that also act directly (tests on the time-skipping server).
 */
export function createWorkerActivities(deps: {
  db: Db;
  clock: Clock;
  log: WarnLogger;
  temporal: { client: Client; taskQueue: string };
}) {
  const { db, clock, log, temporal } = deps;
  const runDomain = createRunDomain({ db, clock, log, temporal });
  const domain = createCaseDomain({ db, clock, log, temporal, onPublished: runDomain.dispatcher.onPublished });
  const activities = createActivities({
    db,
    clock,
    slaExpiry: domain.actions,
    runs: {
      steps: createCaseStepService({ domain, claims: runDomain.claims }),
      runs: runDomain.runs,
      cases: domain.caseRepository,
      runEvents: runDomain.runEvents,
    },
  });
  return { activities, domain, runDomain };
}
