import type { z } from 'zod';
import type { CaseQueueResource, caseQueueListQuerySchema, createCaseQueueRequestSchema } from '@casework/shared';
import type { CaseQueueDocument } from './case-collections.ts';
import type { CaseQueueRepository } from './case-queue-repository.ts';
import type { Clock } from '../platform/clock.ts';
import { NotFoundError, UnprocessableError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { requestUrl } from '../platform/pagination.ts';

export type CreateCaseQueueAttributes = z.output<typeof createCaseQueueRequestSchema>['data']['attributes'];
export type CaseQueueListQuery = z.output<typeof caseQueueListQuerySchema>;

export interface CaseQueueServiceDeps {
  caseQueues: CaseQueueRepository;
  clock: Clock;
}

/** A queue as the API shows it (also used for `include=case-queue` on cases). */
export function caseQueueResource(queue: CaseQueueDocument): CaseQueueResource {
  return {
    type: 'case-queue',
    id: queue._id,
    attributes: {
      name: queue.name,
      description: queue.description,
      status: queue.status,
      'created-at': queue.createdAt.toISOString(),
      'updated-at': queue.updatedAt.toISOString(),
    },
  };
}

export function createCaseQueueService(deps: CaseQueueServiceDeps) {
  const find = async (id: string): Promise<CaseQueueDocument> => {
    const queue = await deps.caseQueues.findById(id);
    if (!queue) throw new NotFoundError(`No case queue with id ${id}.`);
    return queue;
  };

  return {
    async create(attributes: CreateCaseQueueAttributes): Promise<CaseQueueResource> {
      const now = deps.clock();
      const queue: CaseQueueDocument = {
        _id: newId('caseQueue'),
        name: attributes.name,
        description: attributes.description,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      };
      await deps.caseQueues.insert(queue);
      return caseQueueResource(queue);
    },

    async list(query: CaseQueueListQuery, url: ReturnType<typeof requestUrl>) {
      const status = query['filter[status]'];
      const page = await deps.caseQueues.list(status ? { status } : {}, query, url);
      return { data: page.items.map(caseQueueResource), links: page.links };
    },

    get: async (id: string): Promise<CaseQueueResource> => caseQueueResource(await find(id)),

    /** Idempotent: archiving an archived queue changes nothing and answers the queue as it is. */
    async archive(id: string): Promise<CaseQueueResource> {
      const archived = await deps.caseQueues.archive(id, deps.clock());
      return caseQueueResource(archived ?? (await find(id)));
    },

    /**
     * The queue a case may be put in: missing → 404, archived → 422, both pointing at the request
     * attribute that named it (`pointer`).
     */
    async getActiveQueue(id: string, pointer: string): Promise<CaseQueueDocument> {
      const queue = await deps.caseQueues.findById(id);
      if (!queue) throw new NotFoundError(`No case queue with id ${id}.`, pointer);
      if (queue.status !== 'active') throw new UnprocessableError(`Case queue ${id} is archived.`, pointer);
      return queue;
    },
  };
}

export type CaseQueueService = ReturnType<typeof createCaseQueueService>;
