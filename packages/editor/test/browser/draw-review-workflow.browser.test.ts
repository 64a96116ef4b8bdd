import { describe, expect, it } from 'vitest';
import { browserSession } from './browser-session.ts';
import { caseworkUrl } from './browser.ts';
import { apiRequest, uniqueSuffix } from './casework-api.ts';
import { cell, editorDriver, labelled } from './editor-driver.ts';
import { approvedRunStates, createReviewRecords, highValueInquiry } from './review-example.ts';
import { approveAndWaitForCompletion, publish, startRun, waitForReviewer, waitForSteps } from './review-run.ts';
import { createWorkflowFromHome } from './workflow-setup.ts';

interface DraftGraph {
  nodes: { id: string; kind: string; label: string; params: Record<string, unknown> }[];
  edges: { source: string; sourceHandle?: string; target: string }[];
}

describe(
  "Persona's review workflow drawn by hand: drag, connect, configure, publish, run",
  { timeout: 300_000 },
  () => {
    const session = browserSession({ viewport: { width: 1920, height: 1200 } });
    const suffix = uniqueSuffix();

    it('draws the workflow from the palette, configures it in the inspector, publishes, runs and follows it', async () => {
      const { page, problems } = session;
      const editor = editorDriver(page);
      const { startGrid, node, handle, inspector, select, dragFromPalette, clickToAdd, connect } = editor;
      const { enter, choose, setLabel, pickCase, addOperation } = editor;

      // The template and queue the case is made from, through the API.
      const { templateId, queueId } = await createReviewRecords(suffix);

      // A new workflow: it opens with its lone API trigger.
      await page.goto(new URL('/', caseworkUrl()).href);
      const workflowId = await createWorkflowFromHome(page, `Drawn review workflow (${suffix})`);
      await node('trigger').waitFor();

      // Zoom out so the workflow fits the grid, with the trigger in its first cell.
      await startGrid();

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
      const checkAmount = await dragFromPalette('logic.condition', cell(1, 0));
      await setLabel('High value?');
      const highValue = inspector().getByRole('group', { name: 'Route 1' });
      await enter(highValue.getByLabel(labelled('Id')), 'high-value');
      await enter(highValue.getByLabel(labelled('Label')), '≥ 10,000');
      await enter(highValue.getByLabel(labelled('When')), '{{ trigger.amount >= 10000 }}');
      await handle(checkAmount, 'high-value').waitFor();
      await connect('trigger', 'next', checkAmount);

      // 2. The case, dragged from the palette: template, queue, fields, object ids and SLA.
      const createCase = await dragFromPalette('case.create', cell(2, 0));
      await connect(checkAmount, 'high-value', createCase);
      await select(createCase);
      await setLabel('Create KYC case');
      await choose(inspector().getByLabel(labelled('Case template')), templateId);
      await choose(inspector().getByLabel(labelled('Queue')), queueId);
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
      const attach = await dragFromPalette('case.attach-objects', cell(3, 0));
      await connect(createCase, 'next', attach);
      await select(attach);
      await setLabel('Attach report');
      await pickCase(createCase);
      await inspector().getByRole('button', { name: 'Add object id' }).click();
      await enter(inspector().getByLabel(labelled('Object id 1')), '{{ trigger.`report-id` }}');

      // 4. The review starts: two field operations.
      const startReview = await dragFromPalette('case.update-fields', cell(0, 1));
      await connect(attach, 'next', startReview);
      await select(startReview);
      await setLabel('Mark review started');
      await pickCase(attach);
      await addOperation(1, 'review-started', 'set', 'true');
      await addOperation(2, 'notes', 'push', `Review of {{ steps.\`${createCase}\`.case.name }} started`);

      // 5. Waiting for the reviewer: the case resolved, or a day without a decision.
      const waitResolved = await dragFromPalette('wait.case', cell(1, 1));
      await connect(startReview, 'next', waitResolved);
      await select(waitResolved);
      await setLabel('Wait for the decision');
      await pickCase(startReview);
      await inspector().getByLabel('case.resolved', { exact: true }).check();
      await enter(inspector().getByLabel('Timeout: amount'), '1');
      await inspector().getByLabel('Timeout: unit').selectOption('days');

      // 6. Approved? Routes on the case's status.
      const checkStatus = await dragFromPalette('logic.condition', cell(2, 1));
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

      const recordDecline = await dragFromPalette('case.update-fields', cell(3, 2));
      await connect(checkStatus, 'else', recordDecline);
      await select(recordDecline);
      await setLabel('Record decline');
      await pickCase(waitResolved);
      await addOperation(1, 'decision', 'set', 'declined');

      const escalate = await dragFromPalette('case.add-tags', cell(1, 2));
      await connect(waitResolved, 'timed-out', escalate);
      await select(escalate);
      await setLabel('Tag as stale');
      await pickCase(waitResolved);
      await inspector().getByRole('button', { name: 'Add tag' }).click();
      await enter(inspector().getByLabel(labelled('Tag 1')), 'no-decision-in-a-day');

      // 10. The end, where every branch meets.
      const done = await dragFromPalette('end', cell(2, 2));
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
        'case-template-id': templateId,
        'case-queue-id': queueId,
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
      await publish(page, 'Drawn by hand in the browser test', 1);

      // Test-run a high-value inquiry from the Run dialog; the reviewer approves its case and the run finishes.
      await startRun(page, highValueInquiry(`${suffix}0002`));
      const runId = await waitForReviewer(page, { createCase, waitResolved });
      const caseId = await approveAndWaitForCompletion(page, runId);
      await waitForSteps(
        page,
        approvedRunStates({
          checkAmount,
          createCase,
          attach,
          startReview,
          waitResolved,
          checkStatus,
          recordApproval,
          recordDecline,
          escalate,
          done,
        }),
      );

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
