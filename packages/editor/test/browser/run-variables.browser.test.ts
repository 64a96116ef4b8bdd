import { describe, expect, it } from 'vitest';
import { browserSession } from './browser-session.ts';
import { apiRequest, uniqueSuffix } from './casework-api.ts';
import { editorDriver } from './editor-driver.ts';
import { createWorkflow, openWorkflow } from './workflow-setup.ts';

const chain = {
  nodes: [
    { id: 'trigger', kind: 'trigger.api', version: 1, position: { x: 0, y: 0 }, params: { fields: [] } },
    { id: 'vars', kind: 'data.set-variables', version: 1, position: { x: 300, y: 0 }, params: { operations: [] } },
    { id: 'done', kind: 'end', version: 1, position: { x: 600, y: 0 }, params: {} },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'vars' },
    { id: 'e2', source: 'vars', target: 'done' },
  ],
};

interface SavedGraph {
  variables?: unknown[];
  nodes: { id: string; params: Record<string, unknown> }[];
}

const savedGraph = async (id: string) =>
  (await apiRequest<{ data: { attributes: { graph: SavedGraph } } }>('GET', `/workflows/${id}`)).data.attributes.graph;

describe('run variables in the editor', { timeout: 90_000 }, () => {
  const session = browserSession({ viewport: { width: 1600, height: 900 } });

  it('declares a variable with nothing selected, then sets it in a Set variables node; the draft saves both', async () => {
    const { page } = session;
    const id = await createWorkflow(`Variables (${uniqueSuffix()})`, chain);
    await openWorkflow(page, id);
    const { inspector, select, addVariableOperation } = editorDriver(page);

    const section = inspector().getByRole('region', { name: 'Run variables' });
    await section.getByRole('button', { name: 'Add variable' }).click();
    const row = section.getByRole('group', { name: 'Variable 1' });
    await row.getByLabel('Name').fill('count');
    await row.getByLabel('Type').selectOption('number');
    await row.getByLabel('Default').fill('0');

    await select('vars');
    await addVariableOperation(1, 'count', 'set', '{{ vars.count + 1 }}');
    await page.getByTestId('issues-panel').getByText('The workflow compiles.').waitFor();
    await page.locator('.react-flow__node[data-id="vars"]').getByText('set count').waitFor();

    await expect
      .poll(() => savedGraph(id), { timeout: 10_000 })
      .toMatchObject({
        variables: [{ name: 'count', type: 'number', default: 0 }],
        nodes: expect.arrayContaining([
          expect.objectContaining({
            id: 'vars',
            params: { operations: [{ variable: 'count', op: 'set', value: '{{ vars.count + 1 }}' }] },
          }),
        ]),
      });
  });
});
