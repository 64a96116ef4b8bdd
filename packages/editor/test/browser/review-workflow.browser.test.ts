import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseworkUrl, LAUNCH_TIMEOUT_MS, launchBrowser } from './browser.ts';
import { apiRequest, caseworkApiKey, uniqueSuffix } from './casework-api.ts';

const exampleDir = new URL('../../../../examples/review-workflow/', import.meta.url);
const screenshotDir = new URL('../../../../docs/screenshots/', import.meta.url);

/** Where every step of the review workflow ends when the reviewer approves a high-value inquiry's case. */
const finalStates = {
  trigger: 'completed',
  'check-amount': 'completed',
  'create-case': 'completed',
  attach: 'completed',
  'start-review': 'completed',
  'wait-resolved': 'completed',
  'check-status': 'completed',
  'record-approval': 'completed',
  'record-decline': 'skipped',
  escalate: 'skipped',
  done: 'completed',
};

async function fitView(page: Page): Promise<void> {
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Fit view' }).click();
  await page.waitForTimeout(500); // the fit is animated
}

const stepOf = (page: Page, nodeId: string, status: string) =>
  page.locator(`.react-flow__node[data-id="${nodeId}"] .workflow-node[data-step-status="${status}"]`);

describe("Persona's review workflow in the editor: import, publish, run, watch", { timeout: 180_000 }, () => {
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const suffix = uniqueSuffix();

  beforeAll(async () => {
    caseworkUrl();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1680, height: 940 } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, LAUNCH_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in, builds the workflow from the example, publishes it, runs it and follows the run to the end', async () => {
    // The template and queue the example's $TEMPLATE_ID / $QUEUE_ID stand for, made through the API.
    const template = JSON.parse(readFileSync(new URL('case-template.json', exampleDir), 'utf8')) as { name: string };
    const { data: created } = await apiRequest('POST', '/case-templates', {
      data: { attributes: { ...template, key: `KYC${suffix}`, name: `${template.name} (${suffix})` } },
    });
    const { data: queue } = await apiRequest('POST', '/case-queues', {
      data: { attributes: { name: `KYC review (${suffix})` } },
    });
    const workflowJson = readFileSync(new URL('workflow.json', exampleDir), 'utf8')
      .replaceAll('$TEMPLATE_ID', created.id)
      .replaceAll('$QUEUE_ID', queue.id);

    // Sign in with the key `npm start` printed.
    await page.goto(new URL('/', caseworkUrl()).href);
    await page.getByLabel('API key').fill(caseworkApiKey());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();

    // Create a workflow from the home page: it opens with its lone API trigger.
    await page.getByLabel('New workflow name').fill(`Review workflow (${suffix})`);
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.waitForURL(/#\/workflows\/wfl_/);
    const workflowId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
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
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByLabel(/^Notes/).fill('First version, from the browser test');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByTestId('live-version').filter({ hasText: 'Live: v1' }).waitFor();
    await page.getByRole('button', { name: 'Versions' }).click();
    await page.getByTestId('version-item').filter({ hasText: 'First version, from the browser test' }).waitFor();
    await page.getByRole('button', { name: 'Versions' }).click();
    await page.locator('.react-flow__node[data-id="trigger"]').waitFor();

    // Start a run from the dialog built from the trigger's fields.
    const runButton = page.getByRole('button', { name: 'Run…' });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('button')].some((b) => b.textContent === 'Run…' && !b.disabled),
    );
    await runButton.click();
    const dialog = page.getByRole('dialog', { name: 'Run the workflow' });
    await dialog.getByLabel(/^inquiry-id/).fill(`inq_${suffix}0001`);
    await dialog.getByLabel(/^report-id/).fill(`rep_${suffix}0001`);
    await dialog.getByLabel(/^amount/).fill('25000');
    await dialog.getByLabel(/^country/).fill('DE');
    await dialog.getByRole('button', { name: 'Start run' }).click();

    // The canvas follows the run: the case is created, and the run waits for the reviewer.
    await stepOf(page, 'create-case', 'completed').waitFor({ timeout: 60_000 });
    await stepOf(page, 'wait-resolved', 'waiting').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('run-banner').getByTestId('run-status').textContent()).toBe('Waiting');
    const runId = (await page.getByTestId('run-banner').locator('code').textContent()) ?? '';
    expect(runId).toMatch(/^wfr_/);
    const createCase = page.locator('.react-flow__node[data-id="create-case"] .workflow-node');
    expect(await createCase.getAttribute('title')).toMatch(/^Completed · 1 attempt\n[\s\S]*Output:\n[\s\S]*"case"/);

    // The reviewer approves the case through the API; the run wakes up and finishes.
    const { data: run } = await apiRequest<{ data: { attributes: { 'case-ids': string[] } } }>(
      'GET',
      `/workflow-runs/${runId}`,
    );
    const caseId = run.attributes['case-ids'][0];
    expect(caseId).toMatch(/^case_/);
    await apiRequest('POST', `/cases/${caseId}/set-status`, { meta: { status: 'approved' } });
    await page
      .getByTestId('run-banner')
      .locator('[data-testid="run-status"][data-status="completed"]')
      .waitFor({ timeout: 60_000 });
    for (const [nodeId, status] of Object.entries(finalStates)) await stepOf(page, nodeId, status).waitFor();
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

    expect(problems).toEqual([]);
  });
});
