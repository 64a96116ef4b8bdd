import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from './browser-session.ts';
import { apiRequest, uniqueSuffix } from './casework-api.ts';
import { editorDriver, labelled } from './editor-driver.ts';
import { createWorkflow, openWorkflow } from './workflow-setup.ts';

/** An inquiry's amount decides between two ends: route `approved` when it is high, `else` otherwise. */
const routed = {
  nodes: [
    {
      id: 'trigger',
      kind: 'trigger.api',
      version: 1,
      label: 'Inquiry completed',
      position: { x: 0, y: 0 },
      params: { fields: [{ key: 'amount', type: 'number', required: true }] },
    },
    {
      id: 'check',
      kind: 'logic.condition',
      version: 1,
      label: 'Approved?',
      position: { x: 300, y: 0 },
      params: { routes: [{ id: 'approved', label: 'Approved', when: '{{ trigger.amount >= 10000 }}' }] },
    },
    { id: 'accepted', kind: 'end', version: 1, label: 'Accepted', position: { x: 600, y: -100 }, params: {} },
    { id: 'declined', kind: 'end', version: 1, label: 'Declined', position: { x: 600, y: 150 }, params: {} },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'check' },
    { id: 'e2', source: 'check', sourceHandle: 'approved', target: 'accepted' },
    { id: 'e3', source: 'check', sourceHandle: 'else', target: 'declined' },
  ],
};
const kindTitles = ['API trigger', 'Condition', 'End', 'End'];
const labels = ['Inquiry completed', 'Approved?', 'Accepted', 'Declined'];

/** Each element's text where it is visible, null where it is hidden (CSS `visibility: hidden` counts as hidden). */
const shownTexts = async (locator: Locator) =>
  Promise.all((await locator.all()).map(async (each) => ((await each.isVisible()) ? each.textContent() : null)));

/** The canvas zoom, from the transform React Flow puts on its viewport. */
const zoomOf = (page: Page) =>
  page
    .locator('.react-flow__viewport')
    .evaluate((viewport: HTMLElement) => Number(/scale\(([\d.]+)\)/.exec(viewport.style.transform)?.[1] ?? 'NaN'));

/** Clicks one of React Flow's zoom controls until the canvas shows `detail` (a click zooms by a factor of 1.2). */
async function zoomUntil(page: Page, button: 'Zoom In' | 'Zoom Out', detail: 'full' | 'overview'): Promise<void> {
  const control = page.locator('.react-flow__controls').getByRole('button', { name: button, exact: true });
  const canvas = page.locator('.workflow-canvas');
  for (let clicks = 0; clicks < 12 && (await canvas.getAttribute('data-detail')) !== detail; clicks += 1) {
    await control.click();
  }
  await page.locator(`.workflow-canvas[data-detail="${detail}"]`).waitFor();
}

/** The saved draft's first route id and its edges as `source:handle->target`, sorted. */
async function savedDraft(id: string): Promise<{ route: unknown; links: string[] }> {
  const { data } = await apiRequest<{
    data: {
      attributes: {
        graph: {
          nodes: { id: string; params: { routes?: { id: string }[] } }[];
          edges: { source: string; sourceHandle?: string; target: string }[];
        };
      };
    };
  }>('GET', `/workflows/${id}`);
  const { nodes, edges } = data.attributes.graph;
  return {
    route: nodes.find((node) => node.id === 'check')?.params.routes?.[0]?.id,
    links: edges.map((edge) => `${edge.source}:${edge.sourceHandle ?? 'next'}->${edge.target}`).sort(),
  };
}

describe(
  'the workflow canvas: overview when zoomed out, condition routes renamed in place, keyboard use',
  { timeout: 90_000 },
  () => {
    const session = browserSession({ viewport: { width: 1600, height: 900 } });

    const createRoutedWorkflow = () => createWorkflow(`Canvas test (${uniqueSuffix()})`, routed);

    it('shows only the nodes’ labels when zoomed out below 0.55, and their kinds again when zoomed back in', async () => {
      const { page } = session;
      await openWorkflow(page, await createRoutedWorkflow());
      const kinds = page.locator('.workflow-node-kind');
      const nodeLabels = page.locator('.workflow-node-label');
      expect(await page.locator('.workflow-canvas').getAttribute('data-detail')).toBe('full');
      expect(await shownTexts(kinds)).toEqual(kindTitles);
      expect(await shownTexts(nodeLabels)).toEqual(labels);

      await zoomUntil(page, 'Zoom Out', 'overview');
      expect(await zoomOf(page)).toBeLessThan(0.55);
      expect(await shownTexts(kinds)).toEqual(kindTitles.map(() => null));
      expect(await shownTexts(nodeLabels)).toEqual(labels);

      await zoomUntil(page, 'Zoom In', 'full');
      expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.55);
      expect(await shownTexts(kinds)).toEqual(kindTitles);
      expect(await shownTexts(nodeLabels)).toEqual(labels);
    });

    it('keeps a condition route’s edge when the route’s id is renamed in the inspector', async () => {
      const { page } = session;
      const id = await createRoutedWorkflow();
      await openWorkflow(page, id);
      const { handle, inspector, select, enter, drawnBetween } = editorDriver(page);
      const toAccepted = page.locator('.react-flow__edge[aria-label="Edge from check to accepted"]');
      const issues = page.getByTestId('issues-panel');
      await issues.filter({ hasText: 'No problems' }).waitFor();
      expect(await drawnBetween(toAccepted)).toEqual({ from: 'check:approved', to: 'accepted:in' });

      await select('check');
      await enter(inspector().getByRole('group', { name: 'Route 1' }).getByLabel(labelled('Id')), 'approve');

      // The node's output is renamed, and the canvas draws the same edge from it, to the same end.
      await handle('check', 'approve').waitFor();
      expect(await handle('check', 'approved').count()).toBe(0);
      await expect.poll(() => drawnBetween(toAccepted)).toEqual({ from: 'check:approve', to: 'accepted:in' });
      expect(await page.locator('.react-flow__edge').count()).toBe(3);
      // An edge left on the old handle would be reported (dangling-edge, bad-handle, unconnected-handle): none is.
      await issues.filter({ hasText: 'No problems' }).waitFor();
      expect(await issues.locator('.issue-code').allTextContents()).toEqual([]);

      // Autosave stores the edge on the renamed handle.
      await expect
        .poll(() => savedDraft(id), { timeout: 15_000 })
        .toEqual({
          route: 'approve',
          links: ['check:approve->accepted', 'check:else->declined', 'trigger:next->check'],
        });
    });

    it('can be driven from the keyboard: Tab reaches a node, Enter selects it, arrows move it, Enter adds a step', async () => {
      const { page } = session;
      await openWorkflow(page, await createWorkflow(`Keyboard (${uniqueSuffix()})`));
      const trigger = page.locator('.react-flow__node[data-id="trigger"]');
      const focusedIsTrigger = () => page.evaluate(() => document.activeElement?.getAttribute('data-id') === 'trigger');
      // Header links, toolbar buttons, palette search and kinds come first; the canvas's nodes after them.
      for (let presses = 0; presses < 60 && !(await focusedIsTrigger()); presses++) await page.keyboard.press('Tab');
      expect(await focusedIsTrigger()).toBe(true);

      await page.keyboard.press('Enter');
      await expect.poll(() => trigger.getAttribute('class')).toContain('selected');
      await page.getByTestId('inspector').getByText('API trigger').first().waitFor();

      const before = await trigger.boundingBox();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => ((await trigger.boundingBox())?.x ?? 0) > (before?.x ?? 0)).toBe(true);

      // A palette kind takes Enter like a click: the step is added after the selected trigger, connected to it.
      await page.locator('.palette-item[data-kind="case.create"]').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
      expect(await page.locator('.react-flow__edge').count()).toBe(1);

      // Undo from the keyboard takes the step away again.
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(1);
      expect(session.problems).toEqual([]);
    });
  },
);
