import { errorDocumentSchema, workflowScheduleDocumentSchema } from '@casework/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { temporalScheduleUrl } from '../../temporal/temporal-ui.ts';
import type { WorkflowService } from '../workflow-service.ts';
import { scheduleIdOf, type WorkflowSchedules } from '../workflow-schedules.ts';
import { e404, routeDocs, workflowIdParams as params } from './workflow-route-helpers.ts';

/** `GET /workflows/{id}/schedule`: a scheduled workflow's Temporal Schedule and its next firings. */
export const workflowScheduleRoutes: FastifyPluginAsyncZod<{
  workflows: WorkflowService;
  schedules: Pick<WorkflowSchedules, 'nextFirings'>;
  temporal: { uiUrl: string; namespace: string };
}> = async (app, { workflows, schedules, temporal }) => {
  app.get(
    '/workflows/:id/schedule',
    {
      schema: {
        ...routeDocs(
          "Retrieve a workflow's schedule",
          'For a workflow whose live version starts on a `trigger.schedule`: the schedule and its next firings (404 for any other workflow; 503 when Temporal does not answer).',
        ),
        params,
        response: { 200: workflowScheduleDocumentSchema, ...e404, 503: errorDocumentSchema },
      },
    },
    async (request) => {
      const workflowId = request.params.id;
      const { version, spec } = await workflows.liveSchedule(workflowId);
      const next = (await schedules.nextFirings(workflowId)) ?? [];
      const id = scheduleIdOf(workflowId);
      return {
        data: {
          type: 'workflow-schedule' as const,
          id,
          attributes: {
            'workflow-id': workflowId,
            'workflow-version-id': version._id,
            schedule: spec,
            'next-run-times': next.map((at) => at.toISOString()),
            'temporal-ui-url': temporalScheduleUrl(temporal.uiUrl, temporal.namespace, id),
          },
          relationships: { workflow: { data: { type: 'workflow' as const, id: workflowId } } },
        },
      };
    },
  );
};
