import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import { createCaseQueueRepository } from './case-queue-repository.ts';
import { createCaseRepository } from './case-repository.ts';
import { createCaseTemplateRepository } from './case-template-repository.ts';
import { createEventRepository } from './event-repository.ts';
import { createClaims } from '../platform/db/claims.ts';
import { createSequences } from '../platform/db/sequences.ts';
import type { Clock } from '../platform/clock.ts';
import { createCaseActionsService } from './case-actions-service.ts';
import { createCaseQueueService } from './case-queue-service.ts';
import { createCaseSearchService } from './case-search-service.ts';
import { createCaseService } from './case-service.ts';
import { createCaseTemplateService } from './case-template-service.ts';
import { createCaseWriter } from './case-writer.ts';
import { createEventPublisher, type PublishedListener, type WarnLogger } from './event-publisher.ts';
import { createSlaScheduler } from './sla-scheduler.ts';

/**
 * Every service of the case domain, wired once from its dependencies. The api and the worker both build it,
 * so a workflow step changes a case through exactly the code the Cases API uses.
 */
export function createCaseDomain(deps: {
  db: Db;
  clock: Clock;
  log: WarnLogger;
  temporal: { client: Client; taskQueue: string };
  /** Workflows' interest in recorded events (waits, event triggers); wired by the api and the worker. */
  onPublished?: PublishedListener;
}) {
  const { db, clock, log } = deps;
  const templateRepository = createCaseTemplateRepository(db);
  const queueRepository = createCaseQueueRepository(db);
  const caseRepository = createCaseRepository(db);
  const eventRepository = createEventRepository(db);
  const sequences = createSequences(db);
  const claims = createClaims(db, clock);

  const caseQueues = createCaseQueueService({ caseQueues: queueRepository, clock });
  const caseTemplates = createCaseTemplateService({
    caseTemplates: templateRepository,
    caseQueues: queueRepository,
    clock,
  });
  const publisher = createEventPublisher({
    cases: caseRepository,
    events: eventRepository,
    slaTimers: createSlaScheduler({ ...deps.temporal, clock }),
    log,
    onPublished: deps.onPublished,
  });
  const writer = createCaseWriter({ cases: caseRepository, publisher, clock });
  const cases = createCaseService({
    cases: caseRepository,
    events: eventRepository,
    writer,
    templates: {
      getActiveForNewCase: (id) => caseTemplates.getActiveForNewCase(id),
      nextCaseNumber: (id) => sequences.next(`case-number:${id}`),
    },
    queues: caseQueues,
    claims,
    clock,
  });
  const actions = createCaseActionsService({
    cases: caseRepository,
    writer,
    breachQueueOf: async (templateId) => (await templateRepository.findById(templateId))?.slaBreachQueueId ?? null,
    claims,
    clock,
  });

  const search = createCaseSearchService({ cases: caseRepository, queues: queueRepository, clock });

  return {
    caseTemplates,
    caseQueues,
    cases,
    actions,
    search,
    publisher,
    writer,
    eventRepository,
    caseRepository,
    sequences,
    templateRepository,
    queueRepository,
  };
}

export type CaseDomain = ReturnType<typeof createCaseDomain>;
