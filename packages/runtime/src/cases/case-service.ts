import { initialStatus, validateFieldValues, type CreateCaseRequest, type UpdateCaseRequest } from '@casework/shared';
import type { Filter } from 'mongodb';
import {
  newCaseDocument,
  type Actor,
  type CaseDocument,
  type StoredCaseDocument,
  type CaseQueueDocument,
  type CaseTemplateDocument,
  type EventDocument,
} from './case-collections.ts';
import type { CaseRepository } from './case-repository.ts';
import type { EventRepository } from './event-repository.ts';
import type { Clock } from '../platform/clock.ts';
import type { Claims } from '../platform/db/claims.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { PageQuery } from '../platform/pagination.ts';
import { changeFields, changeQueue, changeSla, checkObjectIds, combine, type CaseChange } from './case-changes.ts';
import { toEventDocuments, type CaseWriter } from './case-writer.ts';

export interface CaseServiceDeps {
  cases: CaseRepository;
  events: EventRepository;
  writer: CaseWriter;
  templates: {
    getActiveForNewCase(id: string): Promise<CaseTemplateDocument>;
    nextCaseNumber(id: string): Promise<number>;
  };
  queues: { getActiveQueue(id: string, pointer: string): Promise<CaseQueueDocument> };
  claims: Claims;
  clock: Clock;
}

export type CaseListFilters = Partial<
  Record<'status' | 'case-template-id' | 'case-queue-id' | 'assignee-id' | 'object-id' | 'sla-expired', string>
>;

const addSeconds = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);

export function createCaseService(deps: CaseServiceDeps) {
  async function get(id: string): Promise<CaseDocument> {
    const kase = await deps.cases.findById(id);
    if (!kase) throw new NotFoundError(`No case with id ${id}.`);
    return kase;
  }

  return {
    get,

    /**
     * `opts.dedupeKey`: names what creates the case (a workflow step, an Idempotency-Key), whose first case is
     * answered again rather than a second one created: the case keeps the key (unique), and a key claimed before
     * cases kept keys still names its case; `opts.workflowRunId`: the run creating it; `opts.beforeCommit`: a last
     * check that may veto the write by throwing.
     */
    async create(
      request: CreateCaseRequest,
      requester: Actor,
      opts: { dedupeKey?: string; workflowRunId?: string; beforeCommit?: () => void } = {},
    ): Promise<CaseDocument> {
      const { dedupeKey } = opts;
      // A repeat (a retried step or request) is answered with the first case, before anything is checked again.
      const claimed = dedupeKey ? await deps.claims.valueOf(dedupeKey) : null;
      const existing = dedupeKey
        ? ((await deps.cases.findByDedupeKey(dedupeKey)) ?? (claimed ? await deps.cases.findById(claimed) : null))
        : null;
      if (existing) return existing;
      const { attributes } = request.data;
      const template = await deps.templates.getActiveForNewCase(attributes['case-template-id']);
      const fields = validateFieldValues(template.fieldSchemas, attributes.fields ?? {});
      if (!fields.ok) throw UnprocessableError.fromIssues(fields.issues);
      const objectIds = checkObjectIds(request.meta?.['object-ids'] ?? []);
      const queueId = attributes['case-queue-id'] ?? null;
      if (queueId) await deps.queues.getActiveQueue(queueId, '/data/attributes/case-queue-id');
      const status = initialStatus(template.statuses);
      if (!status)
        throw new UnprocessableError('The case template has no initial status.', '/data/attributes/case-template-id');

      const id = claimed ?? newId('case');
      const number = await deps.templates.nextCaseNumber(template._id);
      const now = deps.clock();
      const slaSeconds = request.meta?.['sla-expires-in-seconds'] ?? template.defaultSlaSeconds;
      const creator: Actor = attributes['creator-email-address']
        ? { id: attributes['creator-email-address'], type: 'user' }
        : requester;
      const kase = newCaseDocument(
        {
          _id: id,
          name: `${template.key}-${number}`,
          templateId: template._id,
          statuses: template.statuses,
          fieldSchemas: template.fieldSchemas,
          status,
          fields: fields.values,
        },
        now,
        {
          queueId,
          objectIds,
          workflowRunIds: opts.workflowRunId
            ? [opts.workflowRunId]
            : creator.type === 'workflow-run'
              ? [creator.id]
              : [],
          slaExpiresAt: slaSeconds ? addSeconds(now, slaSeconds) : null,
          creator,
          ...(dedupeKey ? { dedupeKey } : {}),
        },
      );
      const change: CaseChange = {
        set: {},
        events: [
          { name: 'case.created', payload: { name: kase.name, status, 'case-template-id': template._id } },
          ...(objectIds.length > 0
            ? [{ name: 'case.objects-added' as const, payload: { 'object-ids': objectIds } }]
            : []),
          ...(kase.slaExpiresAt
            ? [{ name: 'case.sla-set' as const, payload: { 'sla-expires-at': kase.slaExpiresAt.toISOString() } }]
            : []),
        ],
      };
      opts.beforeCommit?.();
      const created = await deps.writer.create(kase, toEventDocuments(change, kase, creator, now));
      if (created) return created;
      // A duplicate of the same keyed request got there first: its case is this request's answer too (under the key,
      // or under the id an earlier release claimed for it).
      const raced =
        (dedupeKey ? await deps.cases.findByDedupeKey(dedupeKey) : null) ??
        (claimed ? await deps.cases.findById(claimed) : null);
      if (raced) return raced;
      throw new ConflictError(`Case ${kase._id} already exists.`);
    },

    async update(id: string, request: UpdateCaseRequest, actor: Actor): Promise<CaseDocument> {
      const attributes = request.data?.attributes ?? {};
      const queueId = attributes['case-queue-id'];
      if (queueId) await deps.queues.getActiveQueue(queueId, '/data/attributes/case-queue-id');
      const slaSeconds = request.meta?.['sla-expires-in-seconds'];
      return deps.writer.mutate(id, actor, (kase, now) =>
        combine(
          attributes.fields ? changeFields(kase, attributes.fields) : null,
          queueId !== undefined ? changeQueue(kase, queueId) : null,
          slaSeconds !== undefined ? changeSla(kase, slaSeconds === null ? null : addSeconds(now, slaSeconds)) : null,
        ),
      );
    },

    list(filters: CaseListFilters, page: PageQuery, url: { path: string; search: URLSearchParams }) {
      const filter: Filter<StoredCaseDocument> = {};
      if (filters.status) filter.status = filters.status;
      if (filters['case-template-id']) filter.templateId = filters['case-template-id'];
      if (filters['case-queue-id']) filter.queueId = filters['case-queue-id'];
      if (filters['assignee-id']) filter.assigneeId = filters['assignee-id'];
      if (filters['object-id']) filter.objectIds = filters['object-id'];
      if (filters['sla-expired'] === 'true') filter.slaExpiredAt = { $ne: null };
      if (filters['sla-expired'] === 'false') filter.slaExpiredAt = null;
      return deps.cases.list(filter, page, url);
    },

    async listEvents(
      filters: { name?: string; 'case-id'?: string; since?: string },
      page: PageQuery,
      url: { path: string; search: URLSearchParams },
    ) {
      const filter: Filter<EventDocument> = {};
      if (filters.name) filter.name = filters.name as EventDocument['name'];
      if (filters['case-id']) filter.caseId = filters['case-id'];
      if (filters.since) filter.createdAt = { $gte: new Date(filters.since) };
      return deps.events.list(filter, page, url);
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
