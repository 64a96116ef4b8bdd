import type { z } from 'zod';
import {
  templateRuleIssues,
  type CaseTemplateResource,
  type CreateCaseTemplateRequest,
  type RuleIssue,
  type UpdateCaseTemplateRequest,
  type caseTemplateListQuerySchema,
} from '@casework/shared';
import type { CaseTemplateDocument } from './case-collections.ts';
import type { CaseQueueRepository } from './case-queue-repository.ts';
import type { CaseTemplateRepository } from './case-template-repository.ts';
import type { Clock } from '../platform/clock.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { requestUrl } from '../platform/pagination.ts';

export type CreateCaseTemplateAttributes = CreateCaseTemplateRequest['data']['attributes'];
export type UpdateCaseTemplateAttributes = UpdateCaseTemplateRequest['data']['attributes'];
export type CaseTemplateListQuery = z.output<typeof caseTemplateListQuerySchema>;

export interface CaseTemplateServiceDeps {
  caseTemplates: CaseTemplateRepository;
  caseQueues: CaseQueueRepository;
  clock: Clock;
}

const SLA_BREACH_QUEUE_POINTER = '/data/attributes/sla-breach-queue-id';
const CASE_TEMPLATE_ID_POINTER = '/data/attributes/case-template-id';

/** A template as the API shows it (also used for `include=case-template` on cases). */
export function caseTemplateResource(template: CaseTemplateDocument): CaseTemplateResource {
  return {
    type: 'case-template',
    id: template._id,
    attributes: {
      name: template.name,
      key: template.key,
      statuses: template.statuses,
      'field-schemas': template.fieldSchemas,
      'default-sla-seconds': template.defaultSlaSeconds,
      'sla-breach-queue-id': template.slaBreachQueueId,
      status: template.status,
      'created-at': template.createdAt.toISOString(),
      'updated-at': template.updatedAt.toISOString(),
    },
  };
}

export function createCaseTemplateService(deps: CaseTemplateServiceDeps) {
  const find = async (id: string): Promise<CaseTemplateDocument> => {
    const template = await deps.caseTemplates.findById(id);
    if (!template) throw new NotFoundError(`No case template with id ${id}.`);
    return template;
  };

  /** A breach queue is named by the body, so a missing one is invalid input (422), not a missing resource. */
  const breachQueueIssues = async (queueId: string | null | undefined): Promise<RuleIssue[]> => {
    if (!queueId) return [];
    const queue = await deps.caseQueues.findById(queueId);
    if (!queue) return [{ pointer: SLA_BREACH_QUEUE_POINTER, message: `No case queue with id ${queueId}.` }];
    if (queue.status !== 'active') {
      return [{ pointer: SLA_BREACH_QUEUE_POINTER, message: `Case queue ${queueId} is archived.` }];
    }
    return [];
  };

  const assertValid = async (
    statuses: CaseTemplateDocument['statuses'],
    fieldSchemas: CaseTemplateDocument['fieldSchemas'],
    queueId: string | null | undefined,
  ): Promise<void> => {
    const issues = [...templateRuleIssues(statuses, fieldSchemas), ...(await breachQueueIssues(queueId))];
    if (issues.length > 0) throw UnprocessableError.fromIssues(issues);
  };

  return {
    async create(attributes: CreateCaseTemplateAttributes): Promise<CaseTemplateResource> {
      await assertValid(attributes.statuses, attributes['field-schemas'], attributes['sla-breach-queue-id']);
      const now = deps.clock();
      const template: CaseTemplateDocument = {
        _id: newId('caseTemplate'),
        key: attributes.key,
        name: attributes.name,
        statuses: attributes.statuses,
        fieldSchemas: attributes['field-schemas'],
        defaultSlaSeconds: attributes['default-sla-seconds'],
        slaBreachQueueId: attributes['sla-breach-queue-id'],
        status: 'active',
        createdAt: now,
        updatedAt: now,
      };
      // The unique index decides, so concurrent creates with one key yield exactly one template.
      if (!(await deps.caseTemplates.insert(template))) {
        throw new ConflictError(`A case template with key ${attributes.key} already exists.`, '/data/attributes/key');
      }
      return caseTemplateResource(template);
    },

    async list(query: CaseTemplateListQuery, url: ReturnType<typeof requestUrl>) {
      const status = query['filter[status]'];
      const page = await deps.caseTemplates.list(status ? { status } : {}, query, url);
      return { data: page.items.map(caseTemplateResource), links: page.links };
    },

    get: async (id: string): Promise<CaseTemplateResource> => caseTemplateResource(await find(id)),

    /**
     * Replaces the given attributes; the rules are checked on the merged template. `key` and `status` are not
     * editable, so an update racing an archive never unarchives. Existing cases keep their own snapshot.
     */
    async update(id: string, attributes: UpdateCaseTemplateAttributes): Promise<CaseTemplateResource> {
      const current = await find(id);
      await assertValid(
        attributes.statuses ?? current.statuses,
        attributes['field-schemas'] ?? current.fieldSchemas,
        attributes['sla-breach-queue-id'],
      );
      const set: Partial<CaseTemplateDocument> = { updatedAt: deps.clock() };
      if (attributes.name !== undefined) set.name = attributes.name;
      if (attributes.statuses !== undefined) set.statuses = attributes.statuses;
      if (attributes['field-schemas'] !== undefined) set.fieldSchemas = attributes['field-schemas'];
      if (attributes['default-sla-seconds'] !== undefined) set.defaultSlaSeconds = attributes['default-sla-seconds'];
      if (attributes['sla-breach-queue-id'] !== undefined) set.slaBreachQueueId = attributes['sla-breach-queue-id'];
      const updated = await deps.caseTemplates.update(id, set);
      if (!updated) throw new NotFoundError(`No case template with id ${id}.`);
      return caseTemplateResource(updated);
    },

    /** Idempotent: archiving an archived template changes nothing and answers the template as it is. */
    async archive(id: string): Promise<CaseTemplateResource> {
      const archived = await deps.caseTemplates.archive(id, deps.clock());
      return caseTemplateResource(archived ?? (await find(id)));
    },

    /** The template a new case is created from: missing → 404, archived → 422, both at `case-template-id`. */
    async getActiveForNewCase(id: string): Promise<CaseTemplateDocument> {
      const template = await deps.caseTemplates.findById(id);
      if (!template) throw new NotFoundError(`No case template with id ${id}.`, CASE_TEMPLATE_ID_POINTER);
      if (template.status !== 'active') {
        throw new UnprocessableError(
          `Case template ${id} is archived: new cases cannot use it.`,
          CASE_TEMPLATE_ID_POINTER,
        );
      }
      return template;
    },
  };
}

export type CaseTemplateService = ReturnType<typeof createCaseTemplateService>;
