import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession } from './browser-session.ts';
import { caseworkUrl } from './browser.ts';
import { apiRequest, uniqueSuffix } from './casework-api.ts';
import { cell, editorDriver, labelled } from './editor-driver.ts';
import { createReviewRecords } from './review-example.ts';
import { publish, startRun, stepOf, waitForRunStatus, waitForSteps } from './review-run.ts';
import { createWorkflowFromHome } from './workflow-setup.ts';

const screenshotDir = new URL('../../../../docs/screenshots/', import.meta.url);

/** What the outside service lists: the loop runs once per item. */
const items = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];

/**
 * The outside service the HTTP request calls: node:http on 127.0.0.1 (which the test stack's CASEWORK_HTTP_ALLOW
 * lets requests reach, scripts/test.mjs), `GET /items` answering the list, anything else a 404.
 */
async function startItemsService() {
  const received: { method: string; path: string }[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    received.push({ method: request.method ?? '', path });
    const found = request.method === 'GET' && path === '/items';
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(found ? { items } : { error: 'no such thing' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/items`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface RunResource {
  data: {
    attributes: {
      'case-ids': string[];
      steps: { 'node-id': string; output: unknown }[];
    };
  };
}

describe(
  'the workflow language drawn by hand: a request, a loop over its answer, a parallel',
  { timeout: 420_000 },
  () => {
    const session = browserSession({ viewport: { width: 1920, height: 1200 } });
    const suffix = uniqueSuffix();
    let service: Awaited<ReturnType<typeof startItemsService>>;
    beforeAll(async () => {
      service = await startItemsService();
    });
    afterAll(async () => {
      await service.close();
    });

    it('draws request → for each (case + variable per item) → parallel → end, publishes, runs, and shows every step', async () => {
      const { page, problems } = session;
      const editor = editorDriver(page);
      const { node, handle, inspector, select, dragFromPalette, connect, enter, choose, addVariableOperation } = editor;
      const { templateId } = await createReviewRecords(suffix);

      await page.goto(new URL('/', caseworkUrl()).href);
      const workflowId = await createWorkflowFromHome(page, `Drawn language (${suffix})`);
      await node('trigger').waitFor();

      // The run variables, declared with nothing selected: the loop pushes each name, a branch sets the count.
      const variables = inspector().getByRole('region', { name: 'Run variables' });
      const declare = async (index: number, name: string, type: string) => {
        await variables.getByRole('button', { name: 'Add variable' }).click();
        const row = variables.getByRole('group', { name: `Variable ${index}` });
        await enter(row.getByLabel('Name'), name);
        await row.getByLabel('Type').selectOption(type);
      };
      await declare(1, 'names', 'string-array');
      await declare(2, 'count', 'number');

      // Zoom out so the workflow fits the grid, with the trigger in its first cell.
      await editor.startGrid();

      const request = await dragFromPalette('http.request', cell(1, 0));
      await connect('trigger', 'next', request);
      await select(request);
      await expect.poll(() => inspector().getByLabel(labelled('Method')).inputValue()).toBe('GET');
      await enter(inspector().getByLabel(labelled('URL')), service.url);
      // The request's body is called a body (not "Comment", as a case comment's is).
      await inspector().getByRole('group', { name: 'Body', exact: true }).waitFor();

      // The loop over the answer's items; its body (the "Each item" output) makes a case and pushes the item's name.
      const loop = await dragFromPalette('logic.for-each', cell(2, 0));
      await connect(request, 'next', loop);
      await select(loop);
      await enter(inspector().getByLabel(labelled('Items')), `{{ steps.\`${request}\`.body.items }}`);

      const create = await dragFromPalette('case.create', cell(3, 0));
      await connect(loop, 'body', create);
      await select(create);
      await choose(inspector().getByLabel(labelled('Case template')), templateId);
      await enter(
        inspector().locator('[data-path="/params/fields"]').getByLabel(labelled('Amount')),
        '{{ (index + 1) * 100 }}',
      );

      const push = await dragFromPalette('data.set-variables', cell(3, 1));
      await connect(create, 'next', push);
      await select(push);
      await addVariableOperation(1, 'names', 'push', '{{ item.name }}');

      // The body ends at a join; the run goes on from it after the last iteration.
      const loopEnd = await dragFromPalette('logic.join', cell(2, 1));
      await connect(push, 'next', loopEnd);

      // After the loop, a parallel: one branch records the loop's count, the other waits a moment.
      const fork = await dragFromPalette('logic.parallel', cell(1, 1));
      await connect(loopEnd, 'next', fork);
      await handle(fork, 'branch-1').waitFor();
      await handle(fork, 'branch-2').waitFor();

      const record = await dragFromPalette('data.set-variables', cell(0, 2));
      await connect(fork, 'branch-1', record);
      await select(record);
      await addVariableOperation(1, 'count', 'set', `{{ steps.\`${loop}\`.done }}`);

      const wait = await dragFromPalette('wait.duration', cell(1, 2));
      await connect(fork, 'branch-2', wait);
      await select(wait);
      await enter(inspector().getByLabel('Duration: amount'), '2');
      await inspector().getByLabel('Duration: unit').selectOption('seconds');

      const forkEnd = await dragFromPalette('logic.join', cell(2, 2));
      await connect(record, 'next', forkEnd);
      await connect(wait, 'next', forkEnd);
      const done = await dragFromPalette('end', cell(3, 2));
      await connect(forkEnd, 'next', done);

      await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Auto-layout' }).click();
      await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
      await expect.poll(() => page.getByTestId('issues-panel').textContent()).toContain('No problems');
      const { data: draft } = await apiRequest<{
        data: {
          attributes: {
            graph: {
              variables: unknown[];
              nodes: { id: string; params: Record<string, unknown> }[];
              edges: { source: string; sourceHandle?: string; target: string }[];
            };
          };
        };
      }>('GET', `/workflows/${workflowId}`);
      const { graph } = draft.attributes;
      const links = graph.edges.map((e) => `${e.source}:${e.sourceHandle ?? 'next'}->${e.target}`);
      expect(links.sort()).toEqual(
        [
          `trigger:next->${request}`,
          `${request}:next->${loop}`,
          `${loop}:body->${create}`,
          `${create}:next->${push}`,
          `${push}:next->${loopEnd}`,
          `${loopEnd}:next->${fork}`,
          `${fork}:branch-1->${record}`,
          `${fork}:branch-2->${wait}`,
          `${record}:next->${forkEnd}`,
          `${wait}:next->${forkEnd}`,
          `${forkEnd}:next->${done}`,
        ].sort(),
      );
      expect(graph.variables).toEqual([
        { name: 'names', type: 'string-array' },
        { name: 'count', type: 'number' },
      ]);
      const paramsOf = (id: string) => graph.nodes.find((each) => each.id === id)?.params;
      expect(paramsOf(request)).toMatchObject({ method: 'GET', url: service.url });
      expect(paramsOf(loop)).toMatchObject({ items: `{{ steps.\`${request}\`.body.items }}` });

      await publish(page, 'A request, a loop and a parallel drawn by hand', 1);
      await startRun(page, {});

      const runId = await waitForRunStatus(page, 'completed', 90_000);
      await waitForSteps(page, {
        trigger: 'completed',
        [request]: 'completed',
        [loop]: 'completed',
        [create]: 'completed',
        [push]: 'completed',
        [loopEnd]: 'completed',
        [fork]: 'completed',
        [record]: 'completed',
        [wait]: 'completed',
        [forkEnd]: 'completed',
        [done]: 'completed',
      });
      // The loop's step counts its iterations on the canvas (run/step-overlay.ts, iterationsText).
      await expect
        .poll(() => stepOf(page, loop, 'completed').getByTestId('node-step').textContent())
        .toMatch(/3\/3 items done/);
      expect(service.received).toEqual([{ method: 'GET', path: '/items' }]);

      // What the run did: a case per item, the names pushed in order, the count the branch set after the loop.
      const { data: run } = await apiRequest<RunResource>('GET', `/workflow-runs/${runId}`);
      expect(run.attributes['case-ids']).toHaveLength(3);
      const amounts = await Promise.all(
        run.attributes['case-ids'].map(async (caseId) => {
          const { data: kase } = await apiRequest<{
            data: { attributes: { fields: Record<string, { value: unknown }> } };
          }>('GET', `/cases/${caseId}`);
          return kase.attributes.fields.amount?.value;
        }),
      );
      expect(amounts.sort()).toEqual([100, 200, 300]);
      const outputOf = (id: string) => run.attributes.steps.find((step) => step['node-id'] === id)?.output;
      expect(outputOf(record)).toEqual({ variables: { names: ['a', 'b', 'c'], count: 3 } });

      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: new URL('language-run.png', screenshotDir).pathname });
      expect(problems).toEqual([]);
    });
  },
);
