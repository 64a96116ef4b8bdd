import type { CatalogSnapshot, StepState } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { toCatalogSnapshot } from '../src/api/catalog-snapshot.ts';
import { nodeHandles } from '../src/graph/node-handles.ts';
import { workflowOptions } from '../src/inspector/catalog/catalog-options.ts';
import { widgetFor } from '../src/inspector/form/field-widgets.ts';
import { paramsForm } from '../src/inspector/schema/params-form.ts';
import { nodeSummary } from '../src/nodes/node-summary.ts';
import { filterKinds } from '../src/palette/filter-kinds.ts';
import { stepOverlay } from '../src/run/step-overlay.ts';
import { workflowResource } from './fixtures/api-resources.ts';

const catalog: CatalogSnapshot = {
  templates: [],
  queues: [],
  currentWorkflowId: 'wfl_self',
  workflows: [
    { id: 'wfl_self', name: 'This one', status: 'active', live: true },
    { id: 'wfl_b', name: 'Open a review', status: 'active', live: true },
    { id: 'wfl_a', name: 'Archive it', status: 'archived', live: true },
    { id: 'wfl_c', name: 'Draft only', status: 'active', live: false },
  ],
};

// A kind the editor knows from its shared definition (packages/shared/src/nodes/flow.run-workflow.node.ts), plus
// its one custom widget: the workflow picker.
describe('the Run workflow node', () => {
  it('is in the palette, with a form: a workflow picker, the input record, wait for its result, action options', () => {
    expect(filterKinds('run workflow').flatMap((group) => group.kinds)).toEqual(['flow.run-workflow']);
    const form = paramsForm('flow.run-workflow');
    if (form?.kind !== 'object') throw new Error('object form expected');
    expect(form.properties.map((property) => property.key)).toEqual([
      'workflow-id',
      'input',
      'wait-for-result',
      'continue-on-error',
      'retry',
    ]);
    const workflowField = form.properties.find((property) => property.key === 'workflow-id')?.field;
    if (!workflowField) throw new Error('workflow-id field expected');
    expect(widgetFor('flow.run-workflow', ['workflow-id'], workflowField)).toBe('workflow');
    expect(nodeHandles({ kind: 'flow.run-workflow', params: {} })).toEqual(['next']);
    expect(nodeSummary('flow.run-workflow', { 'workflow-id': 'wfl_b', 'wait-for-result': false }, catalog)).toEqual([
      'runs Open a review',
      'fire and forget',
    ]);
  });

  it('offers the other workflows, published ones first, never the workflow itself', () => {
    expect(workflowOptions(catalog, '')).toEqual([
      { value: 'wfl_b', label: 'Open a review' },
      { value: 'wfl_a', label: 'Archive it (archived)' },
      { value: 'wfl_c', label: 'Draft only (not published)' },
    ]);
    expect(workflowOptions(catalog, 'wfl_self').at(-1)).toEqual({
      value: 'wfl_self',
      label: 'wfl_self (this workflow)',
    });
  });

  it('reads workflows from the API into the catalog, live when they have a live version', () => {
    const snapshot = toCatalogSnapshot(
      [],
      [],
      [workflowResource({ name: 'Published', 'live-version-id': 'wfv_x' }), workflowResource({ name: 'Draft' })],
      'wfl_self',
    );
    expect(snapshot.workflows?.map((workflow) => [workflow.name, workflow.live])).toEqual([
      ['Published', true],
      ['Draft', false],
    ]);
    expect(snapshot.currentWorkflowId).toBe('wfl_self');
  });

  it("links the overlay's step to the child run it started, failed or not", () => {
    const step = (status: StepState['status'], output: unknown): StepState => ({
      'node-id': 'call',
      status,
      'started-at': '2026-11-25T19:44:22.113Z',
      'completed-at': '2026-11-25T19:44:23.113Z',
      attempts: 1,
      output,
      error: null,
    });
    const child = { 'run-id': 'wfr_P7PA4EwX9gXn3uHFVl1pYbGr', 'workflow-id': 'wfl_b', status: 'completed' };
    expect(stepOverlay(step('completed', child)).childRun).toEqual({
      workflowId: 'wfl_b',
      runId: 'wfr_P7PA4EwX9gXn3uHFVl1pYbGr',
    });
    expect(stepOverlay(step('errored', { ...child, status: 'errored' })).childRun).not.toBeNull();
    expect(stepOverlay(step('errored', { ...child, 'run-id': null })).childRun).toBeNull();
    expect(stepOverlay(step('completed', { case: { id: 'case_x' } })).childRun).toBeNull();
  });
});
