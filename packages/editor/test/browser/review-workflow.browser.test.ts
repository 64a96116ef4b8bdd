import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, unexpectedProblems } from './browser-session.ts';
import { caseworkUrl } from './browser.ts';
import { apiRequest, stackAdmin, uniqueSuffix } from './casework-api.ts';
import {
  approvedRunStates,
  createReviewRecords,
  exampleSteps,
  highValueInquiry,
  reviewWorkflowJson,
} from './review-example.ts';
import { approveAndWaitForCompletion, publish, startRun, waitForReviewer, waitForSteps } from './review-run.ts';
import { createWorkflowFromHome } from './workflow-setup.ts';

const screenshotDir = new URL('../../../../docs/screenshots/', import.meta.url);

async function fitView(page: Page): Promise<void> {
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Fit view' }).click();
  await page.waitForTimeout(500); // the fit is animated
}

describe("Persona's review workflow in the editor: import, publish, run, watch", { timeout: 180_000 }, () => {
  // Not signed in: the test signs in through the sign-in screen, as a newcomer does.
  const session = browserSession({ signedIn: false, viewport: { width: 1680, height: 940 } });
  const suffix = uniqueSuffix();

  it('signs in, builds the workflow from the example, publishes it, runs it and follows the run to the end', async () => {
    const { page, problems } = session;
    // The template and queue the example's $TEMPLATE_ID / $QUEUE_ID stand for, made through the API.
    const workflowJson = reviewWorkflowJson(await createReviewRecords(suffix));

    // Sign in as the admin `npm start` printed.
    const admin = stackAdmin();
    await page.goto(new URL('/', caseworkUrl()).href);
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();

    // Create a workflow from the home page: it opens with its lone API trigger.
    const workflowId = await createWorkflowFromHome(page, `Review workflow (${suffix})`);
    await page.locator('.react-flow__node[data-id="trigger"]').waitFor();

    // Import the example through the toolbar; autosave stores it as the draft.
    await page.getByLabel('Graph JSON file').setInputFiles({
      name: 'workflow.json',
      mimeType: 'application/json',
      buffer: Buffer.from(workflowJson),
    });
    await page.locator('.react-flow__node[data-id="done"]').waitFor();
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    expect(await page.getByTestId('save-state').textContent()).toBe('Saved');
    const { data: draft } = await apiRequest<{ data: { attributes: { graph: { nodes: unknown[] } } } }>(
      'GET',
      `/workflows/${workflowId}`,
    );
    expect(draft.attributes.graph.nodes).toHaveLength(11);
    expect(await page.getByTestId('issues-panel').textContent()).toContain('No problems');

    // Publish with notes; the version history shows them.
    await publish(page, 'First version, from the browser test', 1);
    await page.getByRole('button', { name: 'Versions' }).click();
    await page.getByTestId('version-item').filter({ hasText: 'First version, from the browser test' }).waitFor();
    await page.getByRole('button', { name: 'Versions' }).click();
    await page.locator('.react-flow__node[data-id="trigger"]').waitFor();

    // Start a run from the dialog built from the trigger's fields. The canvas follows the run: the case is
    // created, and the run waits for the reviewer.
    await startRun(page, highValueInquiry(`${suffix}0001`));
    const runId = await waitForReviewer(page, exampleSteps);
    expect(await page.getByTestId('run-banner').getByTestId('run-status').textContent()).toBe('Waiting');
    const createCase = page.locator('.react-flow__node[data-id="create-case"] .workflow-node');
    expect(await createCase.getAttribute('title')).toMatch(/^Completed · 1 attempt\n[\s\S]*Output:\n[\s\S]*"case"/);

    // The reviewer approves the case through the API; the run wakes up and finishes.
    await approveAndWaitForCompletion(page, runId);
    await waitForSteps(page, approvedRunStates(exampleSteps));
    const temporal = page.getByRole('link', { name: /Open in Temporal UI/ });
    expect(await temporal.getAttribute('href')).toContain(`/workflows/${runId}`);

    // Screenshots for the docs: the finished run on a canvas wide enough to read, then the page with the runs.
    mkdirSync(screenshotDir, { recursive: true });
    await page.setViewportSize({ width: 2200, height: 1000 });
    await fitView(page);
    await page
      .locator('.editor-canvas')
      .screenshot({ path: new URL('review-workflow-canvas.png', screenshotDir).pathname });
    await page.setViewportSize({ width: 1680, height: 940 });
    await page.getByRole('button', { name: 'Runs' }).click();
    await page
      .getByTestId('runs-panel')
      .getByRole('button', { name: /Completed/ })
      .first()
      .waitFor();
    await fitView(page);
    await page.screenshot({ path: new URL('review-workflow-run.png', screenshotDir).pathname });

    // The overlay goes from its banner (the one "Clear overlay" on the page); the runs stay listed, none shown.
    expect(await page.getByRole('button', { name: 'Clear overlay' }).count()).toBe(1);
    await page.getByTestId('run-banner').getByRole('button', { name: 'Clear overlay' }).click();
    await page.getByTestId('run-banner').waitFor({ state: 'detached' });
    expect(await page.locator('.workflow-node[data-step-status]').count()).toBe(0);
    expect(await page.getByTestId('runs-panel').locator('[aria-current]').count()).toBe(0);

    expect(unexpectedProblems(problems)).toEqual([]);
  });
});
