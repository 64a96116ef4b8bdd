import type { Page } from 'playwright-core';
import { caseworkUrl } from './browser.ts';
import { apiRequest } from './casework-api.ts';
import { createReviewRecords, highValueInquiry, reviewWorkflowJson, type ReviewRecords } from './review-example.ts';

/** Runs call out to Temporal and back; a run may take this long to reach a state. */
const RUN_TIMEOUT_MS = 60_000;

interface RunAttributes {
  status: string;
  'case-ids': string[];
  steps: { 'node-id': string; status: string }[];
}

/** Polls `GET /workflow-runs/{id}` until `done` holds for the run; fails with its last state after the timeout. */
export async function waitForRun(runId: string, done: (run: RunAttributes) => boolean): Promise<RunAttributes> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const { data } = await apiRequest<{ data: { attributes: RunAttributes } }>('GET', `/workflow-runs/${runId}`);
    if (done(data.attributes)) return data.attributes;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not get there: ${JSON.stringify(data.attributes)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface WaitingReview extends ReviewRecords {
  workflowId: string;
  runId: string;
  caseId: string;
}

/**
 * What `examples/review-workflow/run.sh --no-resolve` leaves, made through the API: the example's template and
 * queue, its workflow published, a run triggered with a high-value inquiry and waiting on `wait-resolved` for the
 * case it created.
 */
export async function waitingReview(suffix: string): Promise<WaitingReview> {
  const records = await createReviewRecords(suffix);
  const workflow = JSON.parse(reviewWorkflowJson(records)) as { name: string; graph: unknown };
  const { data } = await apiRequest('POST', '/workflows', {
    data: { attributes: { name: `${workflow.name} (${suffix})`, graph: workflow.graph } },
  });
  await apiRequest('POST', `/workflows/${data.id}/publish`);
  const { data: run } = await apiRequest('POST', `/workflows/${data.id}/trigger`, {
    data: { attributes: { fields: { ...highValueInquiry(`${suffix}0001`), amount: 25000 } } },
  });
  const waiting = await waitForRun(run.id, (state) =>
    state.steps.some((step) => step['node-id'] === 'wait-resolved' && step.status === 'waiting'),
  );
  const caseId = waiting['case-ids'][0];
  if (!caseId) throw new Error(`run ${run.id} waits but names no case`);
  return { ...records, workflowId: data.id, runId: run.id, caseId };
}

/** Opens the console at `hash` (`#/cases…`) and waits until the list or the case has loaded. */
export async function openConsole(page: Page, hash: string): Promise<void> {
  await page.goto(new URL(`/${hash}`, caseworkUrl()).href);
  await page
    .locator('[data-testid="case-table"], [data-testid="cases-empty"], [data-testid="case-page"]')
    .first()
    .waitFor();
}

/** Chromium's console line for a request the API refused with `status` (the page shows why). */
export const refusedWith = (status: number, path: string) => (problem: string) =>
  problem.includes(`status of ${status}`) && problem.includes(path);
