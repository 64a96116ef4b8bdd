import {
  type Plan,
  rerunWorkflowRunRequestSchema,
  triggerWorkflowRequestSchema,
  validateTriggerPayload,
  workflowRunDocumentSchema,
  workflowRunListQuerySchema,
  workflowRunListSchema,
} from '@casework/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, UnprocessableError } from '../../platform/errors.ts';
import { requestUrl } from '../../platform/pagination.ts';
import { MAX_PREFER_WAIT_SECONDS, preferredWaitSeconds } from '../../platform/http/prefer.ts';
import { runnableChoice, runnableVersion, type RunDomain } from '../run-domain.ts';
import { toWorkflowRunResource } from '../workflow-run-mapper.ts';
import type { WorkflowService } from '../../workflows/workflow-service.ts';
import type { ScheduledRuns } from '../scheduled-runs.ts';
import type { StartRun } from '../workflow-run-service.ts';
import { errorResponses, requestActor } from '../../cases/routes/case-route-helpers.ts';

const idParams = (example: string) => z.object({ id: z.string().min(1).max(100).meta({ example }) });
const docs = (tag: string, summary: string, description: string) => ({
  tags: [tag],
  summary,
  description,
  security: [{ bearerAuth: [] }],
});

/** The payload of an API-triggered run, validated against the plan's `trigger.api` fields. */
function apiPayload(plan: Plan, fields: unknown): Record<string, unknown> {
  const trigger = plan.steps[plan.trigger];
  if (trigger?.kind === 'trigger.schedule') {
    throw new ConflictError('This workflow runs on a schedule (trigger.schedule); it cannot be triggered over HTTP.');
  }
  if (trigger?.kind !== 'trigger.api') {
    throw new ConflictError('This workflow starts on case events (trigger.event); it cannot be triggered over HTTP.');
  }
  const input = fields !== null && typeof fields === 'object' ? (fields as Record<string, unknown>) : {};
  const payload = validateTriggerPayload(trigger.params.fields, input);
  if (!payload.ok) throw UnprocessableError.fromIssues(payload.issues);
  return payload.values;
}

/** Triggering a workflow's live version over HTTP, and its runs: list, retrieve, cancel, rerun. */
export const workflowRunRoutes: FastifyPluginAsyncZod<{
  workflows: WorkflowService;
  runs: RunDomain['runService'];
  scheduledRuns: Pick<ScheduledRuns, 'runNow'>;
  temporal: { uiUrl: string; namespace: string };
}> = async (app, { workflows, runs, scheduledRuns, temporal }) => {
  const resource = (run: Parameters<typeof toWorkflowRunResource>[0]) => toWorkflowRunResource(run, temporal);

  app.post(
    '/workflows/:id/trigger',
    {
      schema: {
        ...docs(
          'workflows',
          'Trigger a run',
          "Starts a run of the workflow's live (latest published) version — during a staged rollout the live or the previous version, picked by a stable hash of the new run's id. `data.attributes.fields` must match the API trigger's fields (422 with pointers otherwise). With an `Idempotency-Key`, the same key always answers with the same run. With `Prefer: wait=N` (seconds, at most " +
            MAX_PREFER_WAIT_SECONDS +
            ') the answer waits until the run has done what it can do at once (created its cases and reached a wait, a slow step or its end) or N seconds have passed, and shows the run then (`Preference-Applied: wait=N`); without it, the run as it starts.',
        ),
        params: idParams('wfl_P7P9zA3eQd0jQ2kqH6tN8wVb'),
        body: triggerWorkflowRequestSchema,
        response: { 201: workflowRunDocumentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const live = await workflows.liveVersion(request.params.id);
      const fields = request.body.data?.attributes?.fields ?? {};
      const key = request.headers['idempotency-key'];
      const start: StartRun = {
        ...runnableChoice(live),
        input: fields,
        inputFor: (version) => apiPayload(version.plan, fields),
        trigger: { kind: 'api' },
        creator: requestActor(request),
        ...(typeof key === 'string' && key ? { dedupeKey: `trigger:${request.principal?.id ?? ''}:${key}` } : {}),
      };
      const wait = preferredWaitSeconds(request.headers.prefer);
      if (wait === null) return reply.status(201).send({ data: resource(await runs.start(start)) });
      const settled = await runs.startSettled(start, wait * 1000);
      return reply
        .status(201)
        .header('preference-applied', `wait=${wait}`)
        .send({ data: resource(settled) });
    },
  );

  app.post(
    '/workflows/:id/schedule/run',
    {
      schema: {
        ...docs(
          'workflows',
          'Run a scheduled workflow now',
          'For a workflow whose live version starts on a `trigger.schedule`: one run of the live version now, as a firing of its schedule would start it (`trigger-kind: schedule`, `trigger.scheduledAt` the time asked), without waiting for or changing the schedule. 409 for a workflow that does not run on a schedule. With an `Idempotency-Key`, the same key always answers with the same run.',
        ),
        params: idParams('wfl_P7P9zA3eQd0jQ2kqH6tN8wVb'),
        response: { 201: workflowRunDocumentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const run = await scheduledRuns.runNow(
        request.params.id,
        requestActor(request),
        typeof key === 'string' && key ? `schedule-run:${request.principal?.id ?? ''}:${key}` : undefined,
      );
      return reply.status(201).send({ data: resource(run) });
    },
  );

  app.get(
    '/workflow-runs',
    {
      schema: {
        ...docs(
          'workflow-runs',
          'List workflow runs',
          'Newest first, cursor-paginated; `filter[workflow-id]`, `filter[status]`, `filter[case-id]` (runs that touched the case).',
        ),
        querystring: workflowRunListQuerySchema,
        response: { 200: workflowRunListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { query } = request;
      const page = await runs.list(
        {
          'workflow-id': query['filter[workflow-id]'],
          status: query['filter[status]'],
          'case-id': query['filter[case-id]'],
        },
        query,
        requestUrl(request.url),
      );
      return { data: page.items.map(resource), links: page.links };
    },
  );

  app.get(
    '/workflow-runs/:id',
    {
      schema: {
        ...docs('workflow-runs', 'Retrieve a workflow run', 'With each step’s state and the Temporal UI link.'),
        params: idParams('wfr_P7PA4EwX9gXn3uHFVl1pYbGr'),
        response: { 200: workflowRunDocumentSchema, ...errorResponses },
      },
    },
    async (request) => ({ data: resource(await runs.get(request.params.id)) }),
  );

  app.post(
    '/workflow-runs/:id/cancel',
    {
      schema: {
        ...docs('workflow-runs', 'Cancel a workflow run', 'Cancels a running or waiting run (409 once it has ended).'),
        params: idParams('wfr_P7PA4EwX9gXn3uHFVl1pYbGr'),
        response: { 200: workflowRunDocumentSchema, ...errorResponses },
      },
    },
    async (request) => ({ data: resource(await runs.cancel(request.params.id)) }),
  );

  app.post(
    '/workflow-runs/:id/rerun',
    {
      schema: {
        ...docs(
          'workflow-runs',
          'Rerun a workflow run',
          'Starts a new run with the same trigger input, on the same version (`meta.version: same`, the default) or the live one.',
        ),
        params: idParams('wfr_P7PA4EwX9gXn3uHFVl1pYbGr'),
        body: rerunWorkflowRunRequestSchema.optional(),
        response: { 201: workflowRunDocumentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const original = await runs.get(request.params.id);
      const choice =
        request.body?.meta?.version === 'live'
          ? runnableChoice(await workflows.liveVersion(original.workflowId))
          : { version: runnableVersion(await workflows.getVersion(original.versionId)), rollout: null };
      // An API-triggered run replayed on a newer version must still fit that version's trigger.
      const kept = original.trigger.kind === 'event' || original.trigger.kind === 'schedule';
      const inputFor = (version: { plan: Plan }) => (kept ? original.input : apiPayload(version.plan, original.input));
      const key = request.headers['idempotency-key'];
      const run = await runs.start({
        ...choice,
        input: original.input,
        inputFor,
        trigger: { kind: 'rerun', rerunOf: original._id },
        creator: requestActor(request),
        ...(typeof key === 'string' && key ? { dedupeKey: `rerun:${request.principal?.id ?? ''}:${key}` } : {}),
      });
      return reply.status(201).send({ data: resource(run) });
    },
  );
};
