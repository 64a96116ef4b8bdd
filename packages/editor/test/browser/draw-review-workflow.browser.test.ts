import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseworkUrl, LAUNCH_TIMEOUT_MS, launchBrowser } from './browser.ts';
import { apiRequest, signInContext, uniqueSuffix } from './casework-api.ts';

const exampleDir = new URL('../../../../examples/review-workflow/', import.meta.url);

/** Where a canvas cell is, in screen pixels from the pane's top-left corner: four columns, three rows. */
const cell = (column: number, row: number) => ({ x: 150 + column * 280, y: 120 + row * 220 });

/** A label's accessible text, with or without the required marker after it. */
const labelled = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`);

interface DraftGraph {
  nodes: { id: string; kind: string; label: string; params: Record<string, unknown> }[];
  edges: { source: string; sourceHandle?: string; target: string }[];
}

describe(
  "Persona's review workflow drawn by hand: drag, connect, configure, publish, run",
  { timeout: 300_000 },
  () => {
    let browser: Browser | undefined;
    let context: BrowserContext;
    let page: Page;
    const problems: string[] = [];
    const suffix = uniqueSuffix();

    beforeAll(async () => {
      caseworkUrl();
      browser = await launchBrowser();
      context = await browser.newContext({ viewport: { width: 1920, height: 1200 } });
      await signInContext(context);
      page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    }, LAUNCH_TIMEOUT_MS);

    afterAll(async () => {
      await browser?.close();
    });

    const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
    const handle = (id: string, handleId: string) =>
      node(id).locator(`.react-flow__handle[data-handleid="${handleId}"]`);
    const inspector = () => page.getByTestId('inspector');
    const nodeIds = () =>
      page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((each) => each.getAttribute('data-id') ?? ''));
    const edgeCount = () => page.locator('.react-flow__edge').count();

    async function centre(locator: Locator): Promise<{ x: number; y: number }> {
      await locator.waitFor();
      const box = await locator.boundingBox();
      if (!box) throw new Error(`${String(locator)} has no box`);
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }

    async function paneAt(column: number, row: number): Promise<{ x: number; y: number }> {
      const box = await page.locator('.react-flow__pane').boundingBox();
      if (!box) throw new Error('the canvas pane has no box');
      const at = cell(column, row);
      return { x: box.x + at.x, y: box.y + at.y };
    }

    /** The id of the one node that appeared since `before`, once it is on the canvas and in the inspector. */
    async function newNode(before: readonly string[]): Promise<string> {
      await page.waitForFunction(
        (count) => document.querySelectorAll('.react-flow__node').length === count + 1,
        before.length,
      );
      const added = (await nodeIds()).filter((id) => !before.includes(id));
      expect(added).toHaveLength(1);
      const id = added[0] ?? '';
      await expect.poll(() => inspector().getByLabel('Node id').inputValue()).toBe(id);
      return id;
    }

    /** Drags a palette item onto the canvas cell; returns the new node's id. */
    async function dragFromPalette(kind: string, column: number, row: number): Promise<string> {
      const before = await nodeIds();
      const pane = page.locator('.react-flow__pane');
      await page.locator(`.palette-item[data-kind="${kind}"]`).dragTo(pane, { targetPosition: cell(column, row) });
      return newNode(before);
    }

    /** Click-to-add: with `after` selected, the new node lands to its right, connected from its first free output. */
    async function clickToAdd(kind: string, after: string): Promise<string> {
      await select(after);
      const before = await nodeIds();
      await page.locator(`.palette-item[data-kind="${kind}"]`).click();
      return newNode(before);
    }

    async function select(id: string): Promise<void> {
      await node(id).locator('.workflow-node-label').click();
      await expect.poll(() => inspector().getByLabel('Node id').inputValue()).toBe(id);
    }

    /** Drags from a node's output handle to another node's input handle, and waits for the edge. */
    async function connect(source: string, sourceHandle: string, target: string): Promise<void> {
      const before = await edgeCount();
      const from = await centre(handle(source, sourceHandle));
      const to = await centre(handle(target, 'in'));
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 30, from.y + 10, { steps: 4 });
      await page.mouse.move(to.x, to.y, { steps: 12 });
      await page.mouse.up();
      await page.waitForFunction(
        (count) => document.querySelectorAll('.react-flow__edge').length === count + 1,
        before,
      );
    }

    /** Moves a node by its label to a canvas cell. */
    async function moveNode(id: string, column: number, row: number): Promise<void> {
      const from = await centre(node(id).locator('.workflow-node-label'));
      const to = await paneAt(column, row);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 12 });
      await page.mouse.up();
    }

    /** Types into an inspector input, then leaves it (closing any suggestion list it opened). */
    async function enter(control: Locator, text: string): Promise<void> {
      await control.fill(text);
      await control.blur();
    }

    /** A picker: a select once its choices are known, a text input while they aren't. */
    async function choose(control: Locator, value: string): Promise<void> {
      await control.waitFor();
      const tag = await control.evaluate((element) => element.tagName);
      if (tag === 'SELECT') await control.selectOption({ value });
      else await control.fill(value);
    }

    async function setLabel(text: string): Promise<void> {
      await enter(inspector().getByLabel('Label', { exact: true }).first(), text);
    }

    async function pickCase(upstream: string): Promise<void> {
      await choose(inspector().getByLabel(labelled('Case')), upstream);
    }

    /** Adds a `case.update-fields` operation: the field from the template, the operation, the value. */
    async function addOperation(index: number, field: string, op: string, value: string): Promise<void> {
      await inspector().getByRole('button', { name: 'Add operation' }).click();
      const group = inspector().getByRole('group', { name: `Operation ${index}` });
      await choose(group.getByLabel(labelled('Field')), field);
      await group.getByLabel(labelled('Operation')).selectOption(op);
      await enter(group.getByLabel(labelled('Value')), value);
    }

    it('draws the workflow from the palette, configures it in the inspector, publishes, runs and follows it', async () => {
      // The template and queue the case is made from, through the API.
      const template = JSON.parse(readFileSync(new URL('case-template.json', exampleDir), 'utf8')) as { name: string };
      const { data: createdTemplate } = await apiRequest('POST', '/case-templates', {
        data: { attributes: { ...template, key: `KYC${suffix}`, name: `${template.name} (${suffix})` } },
      });
      const { data: queue } = await apiRequest('POST', '/case-queues', {
        data: { attributes: { name: `KYC review (${suffix})` } },
      });

      // A new workflow: it opens with its lone API trigger.
      await page.goto(new URL('/', caseworkUrl()).href);
      await page.getByLabel('New workflow name').fill(`Drawn review workflow (${suffix})`);
      await page.getByRole('button', { name: 'Create workflow' }).click();
      await page.waitForURL(/#\/workflows\/wfl_/);
      const workflowId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
      await node('trigger').waitFor();

      // Zoom out with the wheel so the whole workflow fits a 4×3 grid, and put the trigger in the first cell.
      const paneCentre = await centre(page.locator('.react-flow__pane'));
      await page.mouse.move(paneCentre.x, paneCentre.y);
      await page.mouse.wheel(0, 400);
      await page.waitForFunction(() => {
        const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
        const scale = Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? '1');
        return scale < 0.85;
      });
      await moveNode('trigger', 0, 0);

      // The trigger's payload schema.
      await select('trigger');
      await setLabel('Inquiry completed');
      const payload: [string, string, boolean][] = [
        ['inquiry-id', 'string', true],
        ['report-id', 'string', true],
        ['amount', 'number', true],
        ['country', 'string', false],
      ];
      for (const [index, [key, type, required]] of payload.entries()) {
        await inspector().getByRole('button', { name: 'Add payload field' }).click();
        const name = `payload field ${index + 1}`;
        await enter(inspector().getByLabel(`Key of ${name}`), key);
        await inspector().getByLabel(`Type of ${name}`).selectOption(type);
        const box = inspector().locator(`[data-path="/params/fields/${index}"]`).getByLabel('required');
        if (required) await box.check();
        else await box.uncheck();
      }

      // 1. The amount check, dragged from the palette; its route renamed before anything leaves through it.
      const checkAmount = await dragFromPalette('logic.condition', 1, 0);
      await setLabel('High value?');
      const highValue = inspector().getByRole('group', { name: 'Route 1' });
      await enter(highValue.getByLabel(labelled('Id')), 'high-value');
      await enter(highValue.getByLabel(labelled('Label')), '≥ 10,000');
      await enter(highValue.getByLabel(labelled('When')), '{{ trigger.amount >= 10000 }}');
      await handle(checkAmount, 'high-value').waitFor();
      await connect('trigger', 'next', checkAmount);

      // 2. The case, dragged from the palette: template, queue, fields, object ids and SLA.
      const createCase = await dragFromPalette('case.create', 2, 0);
      await connect(checkAmount, 'high-value', createCase);
      await select(createCase);
      await setLabel('Create KYC case');
      await choose(inspector().getByLabel(labelled('Case template')), createdTemplate.id);
      await choose(inspector().getByLabel(labelled('Queue')), queue.id);
      const caseFields = inspector().locator('[data-path="/params/fields"]');
      await enter(caseFields.getByLabel(labelled('Amount')), '{{ trigger.amount }}');
      await enter(caseFields.getByLabel(labelled('Country')), '{{ trigger.country }}');
      await enter(caseFields.getByLabel(labelled('Risk')), 'high');
      await inspector().getByRole('button', { name: 'Add object id' }).click();
      await enter(inspector().getByLabel(labelled('Object id 1')), '{{ trigger.`inquiry-id` }}');
      await inspector().getByRole('button', { name: 'Add SLA' }).click();
      await enter(inspector().getByLabel('SLA: amount'), '2');
      await inspector().getByLabel('SLA: unit').selectOption('hours');

      // 3. Attaching the report, dragged from the palette.
      const attach = await dragFromPalette('case.attach-objects', 3, 0);
      await connect(createCase, 'next', attach);
      await select(attach);
      await setLabel('Attach report');
      await pickCase(createCase);
      await inspector().getByRole('button', { name: 'Add object id' }).click();
      await enter(inspector().getByLabel(labelled('Object id 1')), '{{ trigger.`report-id` }}');

      // 4. The review starts: two field operations.
      const startReview = await dragFromPalette('case.update-fields', 0, 1);
      await connect(attach, 'next', startReview);
      await select(startReview);
      await setLabel('Mark review started');
      await pickCase(attach);
      await addOperation(1, 'review-started', 'set', 'true');
      await addOperation(2, 'notes', 'push', `Review of {{ steps.\`${createCase}\`.case.name }} started`);

      // 5. Waiting for the reviewer: the case resolved, or a day without a decision.
      const waitResolved = await dragFromPalette('wait.case', 1, 1);
      await connect(startReview, 'next', waitResolved);
      await select(waitResolved);
      await setLabel('Wait for the decision');
      await pickCase(startReview);
      await inspector().getByLabel('case.resolved', { exact: true }).check();
      await enter(inspector().getByLabel('Timeout: amount'), '1');
      await inspector().getByLabel('Timeout: unit').selectOption('days');

      // 6. Approved? Routes on the case's status.
      const checkStatus = await dragFromPalette('logic.condition', 2, 1);
      await setLabel('Approved?');
      const approved = inspector().getByRole('group', { name: 'Route 1' });
      await enter(approved.getByLabel(labelled('Id')), 'approved');
      await enter(approved.getByLabel(labelled('Label')), 'Approved');
      await enter(approved.getByLabel(labelled('When')), `{{ steps.\`${waitResolved}\`.case.status = 'approved' }}`);
      await handle(checkStatus, 'approved').waitFor();
      await connect(waitResolved, 'matched', checkStatus);

      // 7–9. Recording the decision either way, and tagging a case nobody decided on: click-to-add, which
      // connects each from the selected node's first free output and pre-fills its case.
      const recordApproval = await clickToAdd('case.update-fields', checkStatus);
      await setLabel('Record approval');
      await pickCase(waitResolved);
      await addOperation(1, 'decision', 'set', 'approved');

      const recordDecline = await dragFromPalette('case.update-fields', 3, 2);
      await connect(checkStatus, 'else', recordDecline);
      await select(recordDecline);
      await setLabel('Record decline');
      await pickCase(waitResolved);
      await addOperation(1, 'decision', 'set', 'declined');

      const escalate = await dragFromPalette('case.add-tags', 1, 2);
      await connect(waitResolved, 'timed-out', escalate);
      await select(escalate);
      await setLabel('Tag as stale');
      await pickCase(waitResolved);
      await inspector().getByRole('button', { name: 'Add tag' }).click();
      await enter(inspector().getByLabel(labelled('Tag 1')), 'no-decision-in-a-day');

      // 10. The end, where every branch meets.
      const done = await dragFromPalette('end', 2, 2);
      await setLabel('Done');
      await connect(checkAmount, 'else', done);
      await connect(recordApproval, 'next', done);
      await connect(recordDecline, 'next', done);
      await connect(escalate, 'next', done);

      // Tidy up, then the draft is saved and compiles cleanly.
      await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Auto-layout' }).click();
      await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
      await page.getByTestId('issues-panel').filter({ hasText: 'No problems' }).waitFor();
      const { data: draft } = await apiRequest<{ data: { attributes: { graph: DraftGraph } } }>(
        'GET',
        `/workflows/${workflowId}`,
      );
      const { graph } = draft.attributes;
      expect(graph.nodes).toHaveLength(11);
      const links = graph.edges.map((edge) => `${edge.source}:${edge.sourceHandle ?? 'next'}->${edge.target}`).sort();
      expect(links).toEqual(
        [
          `trigger:next->${checkAmount}`,
          `${checkAmount}:high-value->${createCase}`,
          `${checkAmount}:else->${done}`,
          `${createCase}:next->${attach}`,
          `${attach}:next->${startReview}`,
          `${startReview}:next->${waitResolved}`,
          `${waitResolved}:matched->${checkStatus}`,
          `${waitResolved}:timed-out->${escalate}`,
          `${checkStatus}:approved->${recordApproval}`,
          `${checkStatus}:else->${recordDecline}`,
          `${recordApproval}:next->${done}`,
          `${recordDecline}:next->${done}`,
          `${escalate}:next->${done}`,
        ].sort(),
      );
      const params = (id: string) => graph.nodes.find((each) => each.id === id)?.params;
      expect(params('trigger')).toEqual({
        fields: payload.map(([key, type, required]) => ({ key, type, required })),
      });
      expect(params(createCase)).toMatchObject({
        'case-template-id': createdTemplate.id,
        'case-queue-id': queue.id,
        fields: { amount: '{{ trigger.amount }}', country: '{{ trigger.country }}', risk: 'high' },
        'object-ids': ['{{ trigger.`inquiry-id` }}'],
        sla: { amount: 2, unit: 'hours' },
      });
      expect(params(startReview)).toMatchObject({
        case: { node: attach },
        operations: [
          { field: 'review-started', op: 'set', value: true },
          { field: 'notes', op: 'push', value: `Review of {{ steps.\`${createCase}\`.case.name }} started` },
        ],
      });
      expect(params(waitResolved)).toMatchObject({
        case: { node: startReview },
        events: ['case.resolved'],
        timeout: { amount: 1, unit: 'days' },
      });

      // Publish.
      await page.getByRole('button', { name: 'Publish…' }).click();
      await page.getByLabel(/^Notes/).fill('Drawn by hand in the browser test');
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByTestId('live-version').filter({ hasText: 'Live: v1' }).waitFor();

      // Test-run a high-value inquiry from the Run dialog.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('button')].some((b) => b.textContent === 'Run…' && !b.disabled),
      );
      await page.getByRole('button', { name: 'Run…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Run the workflow' });
      await dialog.getByLabel(/^inquiry-id/).fill(`inq_${suffix}0002`);
      await dialog.getByLabel(/^report-id/).fill(`rep_${suffix}0002`);
      await dialog.getByLabel(/^amount/).fill('25000');
      await dialog.getByLabel(/^country/).fill('DE');
      await dialog.getByRole('button', { name: 'Start run' }).click();

      const stepOf = (id: string, status: string) =>
        page.locator(`.react-flow__node[data-id="${id}"] .workflow-node[data-step-status="${status}"]`);
      await stepOf(createCase, 'completed').waitFor({ timeout: 60_000 });
      await stepOf(waitResolved, 'waiting').waitFor({ timeout: 60_000 });
      const runId = (await page.getByTestId('run-banner').locator('code').textContent()) ?? '';
      expect(runId).toMatch(/^wfr_/);

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
      const finalStates: Record<string, string> = {
        trigger: 'completed',
        [checkAmount]: 'completed',
        [createCase]: 'completed',
        [attach]: 'completed',
        [startReview]: 'completed',
        [waitResolved]: 'completed',
        [checkStatus]: 'completed',
        [recordApproval]: 'completed',
        [recordDecline]: 'skipped',
        [escalate]: 'skipped',
        [done]: 'completed',
      };
      for (const [id, status] of Object.entries(finalStates)) await stepOf(id, status).waitFor();

      // The case carries what the workflow wrote.
      const { data: reviewed } = await apiRequest<{ data: { attributes: { fields: Record<string, unknown> } } }>(
        'GET',
        `/cases/${caseId}`,
      );
      expect(reviewed.attributes.fields).toMatchObject({
        amount: { value: 25000 },
        risk: { value: 'high' },
        'review-started': { value: true },
        decision: { value: 'approved' },
      });

      expect(problems).toEqual([]);
    });
  },
);
