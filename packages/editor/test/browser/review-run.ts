import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { apiRequest } from './casework-api.ts';
import type { ReviewSteps } from './review-example.ts';

/** Runs call out to Temporal and back; a step may take this long to show its new state on the canvas. */
const RUN_STEP_TIMEOUT_MS = 60_000;

/** A node on the canvas once the followed run has put its step in `status` (completed, waiting, skipped, …). */
export const stepOf = (page: Page, nodeId: string, status: string): Locator =>
  page.locator(`.react-flow__node[data-id="${nodeId}"] .workflow-node[data-step-status="${status}"]`);

/** Publishes the draft from the Publish dialog with release notes, and waits until it is the live `version`. */
export async function publish(page: Page, notes: string, version: number): Promise<void> {
  await page.getByRole('button', { name: 'Publish…' }).click();
  await page.getByLabel(/^Notes/).fill(notes);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page
    .getByTestId('live-version')
    .filter({ hasText: `Live: v${version}` })
    .waitFor();
}

/** Starts a run from the Run dialog, which has a field per trigger payload key, once publishing has enabled Run…. */
export async function startRun(page: Page, payload: Record<string, string>): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('button')].some((b) => b.textContent === 'Run…' && !b.disabled),
  );
  await page.getByRole('button', { name: 'Run…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run the workflow' });
  // Payload keys are plain identifiers (a-z, 0-9, _ and -), safe in a pattern; the label may add a type after the key.
  for (const [key, value] of Object.entries(payload)) await dialog.getByLabel(new RegExp(`^${key}`)).fill(value);
  await dialog.getByRole('button', { name: 'Start run' }).click();
}

/** Waits until the run the canvas follows shows `status` (completed, by default) in its banner; returns its id. */
export async function waitForRunStatus(
  page: Page,
  status = 'completed',
  timeout = RUN_STEP_TIMEOUT_MS,
): Promise<string> {
  const banner = page.getByTestId('run-banner');
  await banner.locator(`[data-testid="run-status"][data-status="${status}"]`).waitFor({ timeout });
  const runId = (await banner.locator('code').textContent()) ?? '';
  expect(runId).toMatch(/^wfr_/);
  return runId;
}

/** Waits until the run the canvas follows has made its case and waits for the reviewer; returns the run's id. */
export async function waitForReviewer(
  page: Page,
  steps: Pick<ReviewSteps, 'createCase' | 'waitResolved'>,
): Promise<string> {
  await stepOf(page, steps.createCase, 'completed').waitFor({ timeout: RUN_STEP_TIMEOUT_MS });
  await stepOf(page, steps.waitResolved, 'waiting').waitFor({ timeout: RUN_STEP_TIMEOUT_MS });
  return waitForRunStatus(page, 'waiting');
}

/** The reviewer approves the run's case through the API; waits until the run wakes up and finishes. Returns the case id. */
export async function approveAndWaitForCompletion(page: Page, runId: string): Promise<string> {
  const { data: run } = await apiRequest<{ data: { attributes: { 'case-ids': string[] } } }>(
    'GET',
    `/workflow-runs/${runId}`,
  );
  const caseId = run.attributes['case-ids'][0];
  expect(caseId).toMatch(/^case_/);
  await apiRequest('POST', `/cases/${caseId}/set-status`, { meta: { status: 'approved' } });
  await waitForRunStatus(page);
  return caseId ?? '';
}

/** Waits until every node shows its step's state: `states` maps node ids to statuses. */
export async function waitForSteps(page: Page, states: Record<string, string>): Promise<void> {
  for (const [nodeId, status] of Object.entries(states)) await stepOf(page, nodeId, status).waitFor();
}
