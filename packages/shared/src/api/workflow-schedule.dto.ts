import { z } from 'zod';
import { scheduleSpecSchema } from '../nodes/trigger.schedule.node.ts';
import { isoDateTime, resourceSchema, toOne } from './jsonapi.ts';

/** The Temporal Schedule of a workflow whose live version has a `trigger.schedule`, and when it fires next. */
export const workflowScheduleResourceSchema = resourceSchema(
  'workflow-schedule',
  z.object({
    'workflow-id': z.string(),
    'workflow-version-id': z.string().meta({ description: 'The live version, whose trigger holds the schedule.' }),
    schedule: scheduleSpecSchema,
    'next-run-times': z
      .array(isoDateTime)
      .meta({ description: 'The next few firings, as Temporal plans them; empty while the schedule is being set up.' }),
    'temporal-ui-url': z.string(),
  }),
  z.object({ workflow: toOne('workflow') }),
).meta({
  id: 'WorkflowSchedule',
  example: {
    type: 'workflow-schedule',
    id: 'workflow-schedule:wfl_P7P9zA3eQd0jQ2kqH6tN8wVb',
    attributes: {
      'workflow-id': 'wfl_P7P9zA3eQd0jQ2kqH6tN8wVb',
      'workflow-version-id': 'wfv_P7PA47qHc2Lw0oTn5uJd8eXs',
      schedule: { type: 'cron', expression: '0 9 * * MON-FRI', 'time-zone': 'Europe/Berlin' },
      'next-run-times': ['2026-12-07T08:00:00.000Z', '2026-12-08T08:00:00.000Z', '2026-12-09T08:00:00.000Z'],
      'temporal-ui-url':
        'http://localhost:8233/namespaces/default/schedules/workflow-schedule%3Awfl_P7P9zA3eQd0jQ2kqH6tN8wVb',
    },
    relationships: { workflow: { data: { type: 'workflow', id: 'wfl_P7P9zA3eQd0jQ2kqH6tN8wVb' } } },
  },
});
export const workflowScheduleDocumentSchema = z.object({ data: workflowScheduleResourceSchema });
export type WorkflowScheduleResource = z.output<typeof workflowScheduleResourceSchema>;
