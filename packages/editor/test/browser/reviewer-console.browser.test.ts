import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSession, unexpectedProblems } from './browser-session.ts';
import { apiRequest, uniqueSuffix } from './casework-api.ts';
import { openConsole, waitForRun, waitingReview } from './console-setup.ts';
import { approvedRunStates, exampleSteps } from './review-example.ts';
import { stepOf, waitForRunStatus, waitForSteps } from './review-run.ts';

const screenshotDir = new URL('../../../../docs/screenshots/', import.meta.url);

describe('The reviewer console: the canonical workflow’s case resolved in the browser', { timeout: 180_000 }, () => {
  const session = browserSession({ signedIn: 'reviewer', viewport: { width: 1440, height: 900 } });

  it('opens the review queue, edits a field, comments, approves — and the run goes down the approved branch', async () => {
    const { page, problems } = session;
    const suffix = uniqueSuffix();
    const review = await waitingReview(suffix);
    const { data: created } = await apiRequest<{ data: { attributes: { name: string } } }>(
      'GET',
      `/cases/${review.caseId}`,
    );
    const caseName = created.attributes.name;

    // The queue in the sidebar counts the case; choosing it lists it.
    await openConsole(page, '#/cases');
    const queueLink = page.locator(`[data-testid="queue-link"][data-queue="${review.queueId}"]`);
    await queueLink.getByTestId('open-count').filter({ hasText: /^1/ }).waitFor();
    await queueLink.click();
    await page.waitForURL(new RegExp(`#/cases\\?queue=${review.queueId}$`));
    const row = page.locator(`[data-testid="case-row"][data-case-id="${review.caseId}"]`);
    await row.waitFor();
    expect(await page.getByTestId('case-row').count()).toBe(1);
    expect(await row.getByRole('link').textContent()).toBe(caseName);
    expect(await row.getByTestId('case-status').textContent()).toBe('open');
    expect(await row.getByTestId('sla').textContent()).toMatch(/^due in 1 h 5\d min$/);

    // More cases arrive in the queue while the page is open (through the API): the list shows them live, the
    // one whose SLA ran out as breached.
    const others = [
      { tags: ['pep'], assignee: 'ana@example.com', sla: 1800 },
      { tags: ['high-value', 'pep'], assignee: null, sla: 1 },
      { tags: [], assignee: 'ana@example.com', sla: null },
    ];
    for (const [index, other] of others.entries()) {
      const { data } = await apiRequest('POST', '/cases', {
        data: {
          attributes: {
            'case-template-id': review.templateId,
            'case-queue-id': review.queueId,
            fields: { amount: 12000 + index * 7500, country: 'FR' },
          },
        },
        ...(other.sla === null ? {} : { meta: { 'sla-expires-in-seconds': other.sla } }),
      });
      for (const tag of other.tags)
        await apiRequest('POST', `/cases/${data.id}/add-tag`, { meta: { 'tag-name': tag } });
      if (other.assignee !== null)
        await apiRequest('POST', `/cases/${data.id}/assign`, { meta: { 'user-email-address': other.assignee } });
    }
    await expect.poll(() => page.getByTestId('case-row').count(), { timeout: 15_000 }).toBe(4);
    await page.locator('[data-testid="case-row"] [data-sla="breached"]').waitFor({ timeout: 30_000 });
    await queueLink.getByTestId('breached-count').filter({ hasText: /^1/ }).waitFor();
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: new URL('console-queue.png', screenshotDir).pathname });

    // j moves down the list (the workflow's case, updated longest ago, is last), Enter opens the case.
    for (let index = 0; index < 4; index++) await page.keyboard.press('j');
    expect(await row.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/cases/${review.caseId}$`));
    await page.getByTestId('case-name').filter({ hasText: caseName }).waitFor();
    const runs = page.getByTestId('case-run');
    await runs.first().waitFor();
    expect(await runs.first().getAttribute('data-run-id')).toBe(review.runId);

    // The reviewer sets the risk, and assigns the case to themselves with the `m` shortcut.
    await page.locator('select[data-field="risk"]').selectOption('low');
    await page.getByRole('button', { name: 'Save fields' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.keyboard.press('m');
    await page.getByTestId('case-assignee').filter({ hasText: '@example.com' }).waitFor();

    // A comment joins the timeline, signed by the reviewer.
    await page.keyboard.press('c');
    await page.keyboard.type('Report checked: the address matches.');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = page.locator('[data-testid="timeline-entry"][data-kind="comment"]');
    await comment.filter({ hasText: 'Report checked: the address matches.' }).waitFor();
    expect(await comment.first().locator('strong').textContent()).toBe('you');
    await page.setViewportSize({ width: 1440, height: 1250 });
    await page.screenshot({ path: new URL('console-case.png', screenshotDir).pathname });
    await page.setViewportSize({ width: 1440, height: 900 });

    // Approving resolves the case; the waiting run records the decision on it, which shows without a reload.
    await page.getByLabel('Status', { exact: true }).selectOption('approved');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByTestId('case-status').filter({ hasText: 'approved' }).waitFor();
    await page.waitForFunction(
      () => document.querySelector<HTMLSelectElement>('select[data-field="decision"]')?.value === 'approved',
    );
    const { data: stored } = await apiRequest<{ data: { attributes: { fields: Record<string, { value: unknown }> } } }>(
      'GET',
      `/cases/${review.caseId}`,
    );
    expect(stored.attributes.fields.risk?.value).toBe('low');
    expect(stored.attributes.fields.decision?.value).toBe('approved');

    // The run, overlaid on the canvas from the case page: it went down the approved branch.
    await waitForRun(review.runId, (run) => run.status === 'completed');
    await runs.first().getByRole('link', { name: 'Show on the canvas' }).click();
    await page.waitForURL(new RegExp(`#/workflows/${review.workflowId}/runs/${review.runId}$`));
    await waitForRunStatus(page);
    await waitForSteps(page, approvedRunStates(exampleSteps));
    expect(await stepOf(page, exampleSteps.recordDecline, 'skipped').count()).toBe(1);

    expect(unexpectedProblems(problems)).toEqual([]);
  });
});
