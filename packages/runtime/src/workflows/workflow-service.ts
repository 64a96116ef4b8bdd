import type { z } from 'zod';
import {
  compile,
  graphSchema,
  type CreateWorkflowRequest,
  type RestoreWorkflowRequest,
  type ScheduleSpec,
  type UpdateWorkflowRequest,
  type WorkflowResource,
  type workflowListQuerySchema,
  type workflowVersionListQuerySchema,
} from '@casework/shared';
import type { Db } from 'mongodb';
import type { Actor } from '../cases/case-collections.ts';
import type { WarnLogger } from '../cases/event-publisher.ts';
import type { WorkflowDocument, WorkflowVersionDocument } from './workflow-collections.ts';
import {
  createWorkflowRepository,
  type ChangeOutcome,
  type WorkflowChange,
  type WorkflowRepository,
} from './workflow-repository.ts';
import { createWorkflowVersionRepository, type WorkflowVersionRepository } from './workflow-version-repository.ts';
import type { Clock } from '../platform/clock.ts';
import { ConflictError, DependencyUnavailableError, NotFoundError, UnprocessableError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { requestUrl } from '../platform/pagination.ts';
import { createCatalogSnapshotSource, type CatalogSnapshotSource } from './catalog-snapshot.ts';
import type { RolloutState } from './rollout.ts';
import { publishIssues, toWorkflowIssue, toWorkflowResource, toWorkflowVersionResource } from './workflow-mapper.ts';
import { assertBaseRevision, assertDraftSize, draftChange, initialGraph, triggerOf } from './workflow-rules.ts';
import { scheduleSpecOf, type WorkflowSchedules } from './workflow-schedules.ts';

export type CreateWorkflowAttributes = CreateWorkflowRequest['data']['attributes'];
export type UpdateWorkflowAttributes = UpdateWorkflowRequest['data']['attributes'];
export type RestoreWorkflowMeta = RestoreWorkflowRequest['meta'];
export type WorkflowListQuery = z.output<typeof workflowListQuerySchema>;
export type WorkflowVersionListQuery = z.output<typeof workflowVersionListQuerySchema>;
type Url = ReturnType<typeof requestUrl>;

export interface WorkflowServiceDeps {
  workflows: WorkflowRepository;
  versions: WorkflowVersionRepository;
  catalog: CatalogSnapshotSource;
  clock: Clock;
  /** The Temporal Schedules of `trigger.schedule` workflows. */
  schedules: Pick<WorkflowSchedules, 'upsert' | 'remove'>;
  log: WarnLogger;
}

/** Where no Temporal client is wired in (read-only uses): scheduling a workflow fails, there is nothing to remove. */
const noSchedules: WorkflowServiceDeps['schedules'] = {
  upsert: () => Promise.reject(new DependencyUnavailableError('No Temporal client is configured for schedules.')),
  remove: () => Promise.resolve(),
};

/** Publishes racing each other all move the live version; give them room to take turns. */
const LIVE_MOVE_ATTEMPTS = 64;

/** A workflow's live version, and during a staged rollout the previous one with the live version's share. */
export interface LiveVersion {
  workflow: WorkflowDocument;
  version: WorkflowVersionDocument;
  rollout: { previous: WorkflowVersionDocument; percent: number } | null;
}

/**
 * The rollout a publish at `percent` starts: from the version that served new runs until now — the live one, or the
 * previous one of a rollout set to 0 % (undone). None at 100 %, or when nothing was live before.
 */
function startRollout(current: WorkflowDocument, percent: number): RolloutState | null {
  if (percent >= 100) return null;
  if (current.rollout?.percent === 0) return { ...current.rollout, percent };
  if (current.liveVersionId === null || current.liveVersionNumber === null) return null;
  return { previousVersionId: current.liveVersionId, previousVersionNumber: current.liveVersionNumber, percent };
}

function settled(id: string, outcome: ChangeOutcome): WorkflowDocument {
  if (outcome.status === 'missing') throw new NotFoundError(`No workflow with id ${id}.`);
  if (outcome.status === 'contended') {
    throw new ConflictError(`Workflow ${id} is being changed concurrently; try again.`);
  }
  return outcome.workflow;
}

export function createWorkflowService(deps: WorkflowServiceDeps) {
  const find = async (id: string): Promise<WorkflowDocument> => {
    const workflow = await deps.workflows.findById(id);
    if (!workflow) throw new NotFoundError(`No workflow with id ${id}.`);
    return workflow;
  };
  /** The catalog a workflow's draft compiles against: it knows which workflow it is, so it cannot call itself. */
  const catalogFor = async (workflowId: string) => ({ ...(await deps.catalog()), currentWorkflowId: workflowId });
  const resource = async (workflow: WorkflowDocument): Promise<WorkflowResource> =>
    toWorkflowResource(workflow, compile(workflow.draft.graph, await catalogFor(workflow._id)).issues);
  const change = async (id: string, apply: WorkflowChange, attempts?: number) =>
    settled(id, await deps.workflows.change(id, apply, attempts));

  /**
   * Brings the workflow's Temporal Schedule in line with what it is now: an active workflow whose live version has
   * a `trigger.schedule` has one with that version's spec; any other has none. Idempotent and convergent, so it is
   * safe after every publish and archive, and from a firing that finds its workflow changed (runs/scheduled-runs.ts).
   */
  async function syncSchedule(id: string): Promise<void> {
    const workflow = await find(id);
    const live =
      workflow.status === 'active' && workflow.liveVersionId ? await getVersion(workflow.liveVersionId) : null;
    const spec = live ? scheduleSpecOf(live.plan) : null;
    await (spec ? deps.schedules.upsert(id, spec) : deps.schedules.remove(id));
  }

  /** Whether the workflow's live version runs on a schedule: only then can a change leave a schedule to delete. */
  const liveIsScheduled = async (workflow: WorkflowDocument) =>
    workflow.liveVersionId !== null && (await getVersion(workflow.liveVersionId)).triggerKind === 'trigger.schedule';

  /** After the store has changed: a failure leaves the schedule for its next firing to reconcile. */
  const syncScheduleAfterwards = (id: string) =>
    syncSchedule(id).catch((error: unknown) => {
      deps.log.warn({ err: error, workflowId: id }, 'workflow schedule not reconciled; its next firing will');
    });

  async function getVersion(versionId: string): Promise<WorkflowVersionDocument> {
    const version = await deps.versions.findById(versionId);
    if (!version) throw new NotFoundError(`No workflow version with id ${versionId}.`);
    return version;
  }

  /** The version `meta` names for a restore: of this workflow, by id or by number. */
  async function versionToRestore(id: string, meta: RestoreWorkflowMeta): Promise<WorkflowVersionDocument> {
    if ('version-number' in meta) {
      const number = meta['version-number'];
      const version = await deps.versions.findByNumber(id, number);
      if (!version) throw new NotFoundError(`Workflow ${id} has no version ${number}.`, '/meta/version-number');
      return version;
    }
    const byId = meta['version-id'];
    const version = await deps.versions.findById(byId);
    if (!version) throw new NotFoundError(`No workflow version with id ${byId}.`, '/meta/version-id');
    if (version.workflowId !== id) {
      throw new UnprocessableError(
        `Version ${byId} belongs to workflow ${version.workflowId}, not ${id}.`,
        '/meta/version-id',
      );
    }
    return version;
  }

  return {
    async create(attributes: CreateWorkflowAttributes, creator: Actor): Promise<WorkflowResource> {
      const graph = attributes.graph ?? initialGraph();
      assertDraftSize(graph);
      const now = deps.clock();
      const workflow: WorkflowDocument = {
        _id: newId('workflow'),
        name: attributes.name,
        description: attributes.description,
        status: 'active',
        draft: { graph, revision: 1, savedAt: now },
        liveVersionId: null,
        liveVersionNumber: null,
        liveTriggerEvent: null,
        creator,
        createdAt: now,
        updatedAt: now,
        seq: 1,
      };
      await deps.workflows.create(workflow);
      return resource(workflow);
    },

    async list(query: WorkflowListQuery, url: Url) {
      const status = query['filter[status]'];
      const [page, catalog] = await Promise.all([
        deps.workflows.list(status ? { status } : {}, query, url),
        deps.catalog(),
      ]);
      const data = page.items.map((workflow) =>
        toWorkflowResource(
          workflow,
          compile(workflow.draft.graph, { ...catalog, currentWorkflowId: workflow._id }).issues,
        ),
      );
      return { data, links: page.links };
    },

    get: async (id: string): Promise<WorkflowResource> => resource(await find(id)),

    async update(id: string, attributes: UpdateWorkflowAttributes): Promise<WorkflowResource> {
      const { name, description } = attributes;
      const updated = await change(id, (workflow) => {
        const set = {
          ...(name !== undefined && name !== workflow.name ? { name } : {}),
          ...(description !== undefined && description !== workflow.description ? { description } : {}),
        };
        return Object.keys(set).length === 0 ? null : { ...set, updatedAt: deps.clock() };
      });
      return resource(updated);
    },

    /**
     * Idempotent. An archived workflow keeps its draft and versions but cannot be published or triggered; its
     * schedule, if any, is deleted (again on every archive, so a retry finishes what an outage left).
     */
    async archive(id: string): Promise<WorkflowResource> {
      const archived = await change(id, (workflow) =>
        workflow.status === 'archived' ? null : { status: 'archived', updatedAt: deps.clock() },
      );
      if (await liveIsScheduled(archived)) await syncScheduleAfterwards(id);
      return resource(archived);
    },

    /** Saves any graph, valid or not; `baseRevision` (autosave) refuses to overwrite a newer save. */
    async saveDraft(id: string, graph: Record<string, unknown>, baseRevision?: number): Promise<WorkflowResource> {
      assertDraftSize(graph);
      return resource(
        await change(id, (workflow) => {
          assertBaseRevision(baseRevision, workflow);
          return draftChange(graph, workflow, deps.clock());
        }),
      );
    },

    async restore(id: string, meta: RestoreWorkflowMeta): Promise<WorkflowResource> {
      await find(id); // a missing workflow is the 404, before any complaint about the version named
      const version = await versionToRestore(id, meta);
      return resource(
        await change(id, (workflow) => {
          assertBaseRevision(meta['base-revision'], workflow);
          return draftChange(version.graph, workflow, deps.clock());
        }),
      );
    },

    /**
     * Compiles the draft against the current catalog; when valid, writes the next version (its number claimed
     * uniquely) and moves the live version forward to it — never back, so of racing publishes the highest wins.
     * Below 100 %, `rolloutPercent` starts a staged rollout from the version that served runs until now.
     * A `trigger.schedule` version creates or updates the workflow's Temporal Schedule first, so a publish that
     * cannot reach Temporal answers 503 and publishes nothing; afterwards the schedule is brought in line with the
     * live version (deleted when it has no schedule), which the next firing finishes if Temporal is down.
     */
    async publish(id: string, notes: string | null, author: Actor, rolloutPercent = 100) {
      const workflow = await find(id);
      if (workflow.status === 'archived') {
        throw new ConflictError(`Workflow ${id} is archived: it cannot be published.`);
      }
      const compiled = compile(workflow.draft.graph, await catalogFor(id));
      if (!compiled.ok) {
        throw UnprocessableError.fromIssues(publishIssues(workflow.draft.graph, compiled.issues), {
          issues: compiled.issues.map(toWorkflowIssue),
        });
      }
      const spec = scheduleSpecOf(compiled.plan);
      const wasScheduled = await liveIsScheduled(workflow);
      if (spec) await deps.schedules.upsert(id, spec);
      const version = await deps.versions.publish(id, (versionId, number) => ({
        _id: versionId,
        workflowId: id,
        number,
        graph: graphSchema.parse(workflow.draft.graph),
        plan: compiled.plan,
        notes,
        author,
        ...triggerOf(compiled.plan),
        draftRevision: workflow.draft.revision,
        createdAt: deps.clock(),
      }));
      // Only forward: a slower publish of a lower number leaves the newer live version alone.
      const updated = await change(
        id,
        (current) =>
          current.liveVersionNumber !== null && current.liveVersionNumber >= version.number
            ? null
            : {
                liveVersionId: version._id,
                liveVersionNumber: version.number,
                liveTriggerEvent: version.triggerEvent,
                rollout: startRollout(current, rolloutPercent),
                updatedAt: deps.clock(),
              },
        LIVE_MOVE_ATTEMPTS,
      );
      if (spec || wasScheduled) await syncScheduleAfterwards(id);
      return toWorkflowVersionResource(version, updated);
    },

    /** Changes the share of the rollout in progress: 0 % sends every new run to the previous version, 100 % ends it. */
    async setRollout(id: string, percent: number): Promise<WorkflowResource> {
      const updated = await change(id, (workflow) => {
        if (!workflow.rollout) {
          throw new ConflictError(
            `Workflow ${id} has no rollout in progress: publish with meta.rollout-percent to start one.`,
          );
        }
        if (percent === workflow.rollout.percent) return null;
        return { rollout: percent >= 100 ? null : { ...workflow.rollout, percent }, updatedAt: deps.clock() };
      });
      return resource(updated);
    },

    async listVersions(id: string, query: WorkflowVersionListQuery, url: Url) {
      const workflow = await find(id);
      const page = await deps.versions.list(id, query, url);
      return { data: page.items.map((version) => toWorkflowVersionResource(version, workflow)), links: page.links };
    },

    getVersion,
    syncSchedule,

    /** The live version and its schedule: 404 unless the workflow is active and its live version is scheduled. */
    async liveSchedule(id: string): Promise<{ version: WorkflowVersionDocument; spec: ScheduleSpec }> {
      const workflow = await find(id);
      const live =
        workflow.status === 'active' && workflow.liveVersionId ? await getVersion(workflow.liveVersionId) : null;
      const spec = live ? scheduleSpecOf(live.plan) : null;
      if (!live || !spec) throw new NotFoundError(`Workflow ${id} does not run on a schedule (trigger.schedule).`);
      return { version: live, spec };
    },

    /** A version as the API shows it (with its share of new runs). */
    async versionResource(versionId: string) {
      const version = await getVersion(versionId);
      return toWorkflowVersionResource(version, await find(version.workflowId));
    },

    /**
     * The version a run of this workflow starts on: 404 unknown, 409 archived or never published. During a staged
     * rollout also the previous version and the live version's share, for the run to pick by its id (`rollout.ts`).
     */
    async liveVersion(workflowId: string): Promise<LiveVersion> {
      const workflow = await find(workflowId);
      if (workflow.status === 'archived') {
        throw new ConflictError(`Workflow ${workflowId} is archived: it cannot be triggered.`);
      }
      if (!workflow.liveVersionId) {
        throw new ConflictError(`Workflow ${workflowId} has no published version: publish it first.`);
      }
      const version = await getVersion(workflow.liveVersionId);
      const { rollout } = workflow;
      if (!rollout) return { workflow, version, rollout: null };
      return {
        workflow,
        version,
        rollout: { previous: await getVersion(rollout.previousVersionId), percent: rollout.percent },
      };
    },
  };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;

/** The service on its MongoDB repositories, as the api (and the worker) wire it; without schedules, read-only uses. */
export const createWorkflowServiceOn = (
  db: Db,
  clock: Clock,
  scheduling: Pick<WorkflowServiceDeps, 'schedules' | 'log'> = { schedules: noSchedules, log: { warn: () => {} } },
): WorkflowService =>
  createWorkflowService({
    workflows: createWorkflowRepository(db),
    versions: createWorkflowVersionRepository(db),
    catalog: createCatalogSnapshotSource(db),
    clock,
    ...scheduling,
  });
