import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSession } from './browser-session.ts';
import { caseworkUrl } from './browser.ts';
import { apiRequest, uniqueSuffix } from './casework-api.ts';
import { cell, editorDriver, labelled } from './editor-driver.ts';
import { createReviewRecords } from './review-example.ts';
import { publish, startRun, stepOf, waitForRunStatus, waitForSteps } from './review-run.ts';
import { createWorkflowFromHome } from './workflow-setup.ts';

const screenshotDir = new URL('../../../../docs/screenshots/', import.meta.url);

describe('a Parallel drawn by hand: both branches run at once, then the join', { timeout: 300_000 }, () => {
  const session = browserSession({ viewport: { width: 1920, height: 1200 } });
  const suffix = uniqueSuffix();

  it('draws a parallel with a wait in one branch and a tag in the other, publishes, runs, and shows every step', async () => {
    const { page, problems } = session;
    const editor = editorDriver(page);
    const { node, handle, inspector, select, dragFromPalette, connect, enter, choose, pickCase } = editor;
    const { templateId } = await createReviewRecords(suffix);

    await page.goto(new URL('/', caseworkUrl()).href);
    const workflowId = await createWorkflowFromHome(page, `Drawn parallel (${suffix})`);
    await node('trigger').waitFor();
    // Zoom out so the workflow fits the grid, with the trigger in its first cell.
    await editor.startGrid();

    const create = await dragFromPalette('case.create', cell(1, 0));
    await connect('trigger', 'next', create);
    await select(create);
    await choose(inspector().getByLabel(labelled('Case template')), templateId);
    await enter(inspector().locator('[data-path="/params/fields"]').getByLabel(labelled('Amount')), '100');

    // The parallel: two branches, drawn as two outputs; the first renamed in the inspector.
    const fork = await dragFromPalette('logic.parallel', cell(2, 0));
    await connect(create, 'next', fork);
    await select(fork);
    const first = inspector().getByRole('group', { name: 'Branch 1' });
    await enter(first.getByLabel(labelled('Id')), 'slow');
    await enter(first.getByLabel(labelled('Label')), 'Wait a moment');
    await handle(fork, 'slow').waitFor();
    await handle(fork, 'branch-2').waitFor();

    const wait = await dragFromPalette('wait.duration', cell(3, 0));
    await connect(fork, 'slow', wait);
    await select(wait);
    await enter(inspector().getByLabel('Duration: amount'), '8');
    await inspector().getByLabel('Duration: unit').selectOption('seconds');

    const tag = await dragFromPalette('case.add-tags', cell(3, 1));
    await connect(fork, 'branch-2', tag);
    await select(tag);
    await pickCase(create);
    await inspector().getByRole('button', { name: 'Add tag' }).click();
    await enter(inspector().getByLabel(labelled('Tag 1')), 'parallel');

    const join = await dragFromPalette('logic.join', cell(2, 1));
    await connect(wait, 'next', join);
    await connect(tag, 'next', join);

    // After the join, a step acts on the case of a branch step.
    const review = await dragFromPalette('case.set-status', cell(1, 1));
    await connect(join, 'next', review);
    await select(review);
    await pickCase(tag);
    await choose(inspector().getByLabel(labelled('Status')), 'in-review');
    const done = await dragFromPalette('end', cell(0, 2));
    await connect(review, 'next', done);

    await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Auto-layout' }).click();
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    await page.getByTestId('issues-panel').filter({ hasText: 'No problems' }).waitFor();
    const { data: draft } = await apiRequest<{
      data: { attributes: { graph: { edges: { source: string; sourceHandle?: string; target: string }[] } } };
    }>('GET', `/workflows/${workflowId}`);
    const links = draft.attributes.graph.edges.map((e) => `${e.source}:${e.sourceHandle ?? 'next'}->${e.target}`);
    expect(links.sort()).toEqual(
      [
        `trigger:next->${create}`,
        `${create}:next->${fork}`,
        `${fork}:slow->${wait}`,
        `${fork}:branch-2->${tag}`,
        `${wait}:next->${join}`,
        `${tag}:next->${join}`,
        `${join}:next->${review}`,
        `${review}:next->${done}`,
      ].sort(),
    );

    await publish(page, 'A parallel drawn by hand', 1);
    await startRun(page, {});

    // Both branches at once: the tag is done while the other branch still waits, the parallel still running.
    await stepOf(page, tag, 'completed').waitFor({ timeout: 60_000 });
    await stepOf(page, wait, 'waiting').waitFor({ timeout: 1_000 });
    await stepOf(page, fork, 'running').waitFor({ timeout: 1_000 });

    const runId = await waitForRunStatus(page, 'completed', 60_000);
    await waitForSteps(page, {
      trigger: 'completed',
      [create]: 'completed',
      [fork]: 'completed',
      [wait]: 'completed',
      [tag]: 'completed',
      [join]: 'completed',
      [review]: 'completed',
      [done]: 'completed',
    });

    const { data: run } = await apiRequest<{ data: { attributes: { 'case-ids': string[] } } }>(
      'GET',
      `/workflow-runs/${runId}`,
    );
    const { data: kase } = await apiRequest<{ data: { attributes: { tags: string[]; status: string } } }>(
      'GET',
      `/cases/${run.attributes['case-ids'][0] ?? ''}`,
    );
    expect(kase.attributes).toMatchObject({ tags: ['parallel'], status: 'in-review' });
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: new URL('parallel-run.png', screenshotDir).pathname });
    expect(problems).toEqual([]);
  });
});
