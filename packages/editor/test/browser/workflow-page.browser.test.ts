import { describe, expect, it } from 'vitest';
import { browserSession } from './browser-session.ts';
import { apiRequest, uniqueSuffix } from './casework-api.ts';
import { createWorkflow, openWorkflow } from './workflow-setup.ts';

const trigger = { id: 'trigger', kind: 'trigger.api', version: 1, position: { x: 0, y: 0 }, params: { fields: [] } };
const end = (id: string, x: number) => ({ id, kind: 'end', version: 1, position: { x, y: 0 }, params: {} });
const oneStep = { nodes: [trigger, end('done', 300)], edges: [{ id: 'e1', source: 'trigger', target: 'done' }] };

describe('the workflow page: autosave, publish, versions, read-only view', { timeout: 90_000 }, () => {
  const session = browserSession({ viewport: { width: 1600, height: 900 } });

  const createOneStepWorkflow = () => createWorkflow(`Page test (${uniqueSuffix()})`, oneStep);
  const saveState = () => session.page.getByTestId('save-state');
  const nodeCount = () => session.page.locator('.react-flow__node').count();

  it('keeps Publish disabled, saying why, while the graph has errors', async () => {
    const { page } = session;
    await openWorkflow(page, await createOneStepWorkflow());
    const publish = page.getByRole('button', { name: 'Publish…' });
    expect(await publish.isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Wait for case', exact: true }).click(); // unconnected, no case
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 3);
    expect(await publish.isDisabled()).toBe(true);
    expect(await page.locator('span[title^="Fix the"]').getAttribute('title')).toMatch(
      /^Fix the \d+ errors? in the issues list before publishing\.$/,
    );
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 2);
    expect(await publish.isEnabled()).toBe(true);
  });

  it("shows the server's issues when it refuses to publish", async () => {
    const { page } = session;
    await openWorkflow(page, await createOneStepWorkflow());
    await page.route('**/api/v1/workflows/*/publish', (route) =>
      route.fulfill({
        status: 422,
        json: {
          errors: [{ title: 'unknown-template', details: 'case template ctmpl_gone does not exist' }],
          meta: {
            issues: [
              {
                code: 'unknown-template',
                severity: 'error',
                'node-id': 'done',
                'edge-id': null,
                path: '/params/case-template-id',
                message: 'case template ctmpl_gone does not exist',
              },
            ],
          },
        },
      }),
    );
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByText('The API refused to publish: the workflow does not compile.').waitFor();
    expect(await dialog.getByTestId('publish-issues').textContent()).toContain(
      'case template ctmpl_gone does not exist',
    );
  });

  it('autosaves edits, and stops with "changed elsewhere" rather than overwrite another save', async () => {
    const { page } = session;
    const id = await createOneStepWorkflow();
    await openWorkflow(page, id);
    expect(await saveState().textContent()).toBe('Saved');
    await page.getByRole('button', { name: 'End', exact: true }).click();
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    const { data } = await apiRequest<{
      data: { attributes: { graph: { nodes: unknown[] }; 'draft-revision': number } };
    }>('GET', `/workflows/${id}`);
    expect(data.attributes.graph.nodes).toHaveLength(3);
    expect(data.attributes['draft-revision']).toBe(2);

    // Someone else saves the draft; the next edit here must not overwrite it.
    await apiRequest('PUT', `/workflows/${id}/draft`, { data: { attributes: { graph: oneStep } } });
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.locator('[data-testid="save-state"][data-status="conflict"]').waitFor();
    expect(await saveState().textContent()).toContain('Changed elsewhere — reload');
    expect(await page.getByRole('button', { name: 'Publish…' }).isDisabled()).toBe(true);
    await saveState().getByRole('button', { name: 'Reload' }).click();
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    expect(await nodeCount()).toBe(2);
  });

  it('lists versions, opens one read-only, and restores it into the draft', async () => {
    const { page } = session;
    const id = await createOneStepWorkflow();
    const { data: v1 } = await apiRequest('POST', `/workflows/${id}/publish`, { meta: { notes: 'One end' } });
    const twoEnds = { nodes: [...oneStep.nodes, end('other', 300)], edges: oneStep.edges };
    await apiRequest('PUT', `/workflows/${id}/draft`, { data: { attributes: { graph: twoEnds } } });
    await apiRequest('POST', `/workflows/${id}/publish`, { meta: { notes: 'Two ends' } });

    await openWorkflow(page, id);
    expect(await nodeCount()).toBe(3);
    await page.getByRole('button', { name: 'Versions' }).click();
    const versions = page.getByTestId('version-item');
    await versions.first().waitFor();
    expect(await versions.allTextContents()).toEqual([
      expect.stringMatching(/^v2Live.*Two ends/),
      expect.stringMatching(/^v1.*One end/),
    ]);

    await versions.nth(1).getByRole('link', { name: 'Open read-only' }).click();
    await page.waitForURL(new RegExp(`#/workflows/${id}/versions/${v1.id}$`));
    await page.getByTestId('read-only-badge').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 2);
    expect(await page.getByRole('navigation', { name: 'Node palette' }).count()).toBe(0);
    expect(await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button').allTextContents()).toEqual([
      'Fit view',
      'Export JSON',
    ]);
    // React Flow marks nodes it lets the user drag or select; a version on view has none.
    expect(await page.locator('.react-flow__node.draggable, .react-flow__node.selectable').count()).toBe(0);

    await page.getByRole('button', { name: 'Restore this version' }).click();
    await page
      .getByRole('dialog', { name: 'Restore version 1?' })
      .getByRole('button', { name: 'Restore into the draft' })
      .click();
    await page.waitForURL(new RegExp(`#/workflows/${id}$`));
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 2);

    // Restoring from the history panel works the same way, and reloads the draft in place.
    await page.getByRole('button', { name: 'Versions' }).click();
    await versions.first().getByRole('button', { name: 'Restore' }).click();
    await page
      .getByRole('dialog', { name: 'Restore version 2?' })
      .getByRole('button', { name: 'Restore into the draft' })
      .click();
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 3);
    const { data } = await apiRequest<{ data: { attributes: { 'draft-revision': number } } }>(
      'GET',
      `/workflows/${id}`,
    );
    expect(data.attributes['draft-revision']).toBe(4);
  });
});
