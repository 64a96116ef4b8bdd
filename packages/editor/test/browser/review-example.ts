import { readFileSync } from 'node:fs';
import { apiRequest } from './casework-api.ts';

/** Persona's review workflow as the docs give it: `workflow.json` and the `case-template.json` it creates cases from. */
const exampleDir = new URL('../../../../examples/review-workflow/', import.meta.url);

export interface ReviewRecords {
  templateId: string;
  queueId: string;
}

/** The review workflow's steps, each by the id it has on the canvas. */
export interface ReviewSteps {
  checkAmount: string;
  createCase: string;
  attach: string;
  startReview: string;
  waitResolved: string;
  checkStatus: string;
  recordApproval: string;
  recordDecline: string;
  escalate: string;
  done: string;
}

/** The step ids `workflow.json` uses. */
export const exampleSteps: ReviewSteps = {
  checkAmount: 'check-amount',
  createCase: 'create-case',
  attach: 'attach',
  startReview: 'start-review',
  waitResolved: 'wait-resolved',
  checkStatus: 'check-status',
  recordApproval: 'record-approval',
  recordDecline: 'record-decline',
  escalate: 'escalate',
  done: 'done',
};

/** Makes, through the API, the case template and queue the example's $TEMPLATE_ID and $QUEUE_ID stand for. */
export async function createReviewRecords(suffix: string): Promise<ReviewRecords> {
  const template = JSON.parse(readFileSync(new URL('case-template.json', exampleDir), 'utf8')) as { name: string };
  const { data: created } = await apiRequest('POST', '/case-templates', {
    data: { attributes: { ...template, key: `KYC${suffix}`, name: `${template.name} (${suffix})` } },
  });
  const { data: queue } = await apiRequest('POST', '/case-queues', {
    data: { attributes: { name: `KYC review (${suffix})` } },
  });
  return { templateId: created.id, queueId: queue.id };
}

/** The example's `workflow.json`, its placeholders filled in with the records made for this run. */
export function reviewWorkflowJson({ templateId, queueId }: ReviewRecords): string {
  return readFileSync(new URL('workflow.json', exampleDir), 'utf8')
    .replaceAll('$TEMPLATE_ID', templateId)
    .replaceAll('$QUEUE_ID', queueId);
}

/** The trigger payload of an inquiry over the review threshold; `reference` keeps its ids unique. */
export const highValueInquiry = (reference: string): Record<string, string> => ({
  'inquiry-id': `inq_${reference}`,
  'report-id': `rep_${reference}`,
  amount: '25000',
  country: 'DE',
});

/** Where every step ends when the reviewer approves a high-value inquiry's case. */
export function approvedRunStates(steps: ReviewSteps): Record<string, string> {
  return {
    trigger: 'completed',
    [steps.checkAmount]: 'completed',
    [steps.createCase]: 'completed',
    [steps.attach]: 'completed',
    [steps.startReview]: 'completed',
    [steps.waitResolved]: 'completed',
    [steps.checkStatus]: 'completed',
    [steps.recordApproval]: 'completed',
    [steps.recordDecline]: 'skipped',
    [steps.escalate]: 'skipped',
    [steps.done]: 'completed',
  };
}
