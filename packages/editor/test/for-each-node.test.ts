import { describe, expect, it } from 'vitest';
import { infoOf } from '../src/graph/kind-info.ts';
import { nodeHandles } from '../src/graph/node-handles.ts';
import { paramsForm } from '../src/inspector/schema/params-form.ts';
import { handleLabel, nodeSummary } from '../src/nodes/node-summary.ts';
import { filterKinds } from '../src/palette/filter-kinds.ts';
import { stepOverlay } from '../src/run/step-overlay.ts';
import { createEditorStore } from '../src/store/create-editor-store.ts';
import { step } from './fixtures/api-resources.ts';
import { regionGraph } from './fixtures/region-graph.ts';

/** trigger → loop ⟨body: wait⟩ → join → done. */
const loopGraph = () =>
  regionGraph({ id: 'loop', kind: 'logic.for-each', params: { items: '{{ trigger.items }}', concurrency: 3 } }, [
    'body',
  ]);

describe('the For each node', () => {
  it('is in the palette among the logic kinds, with its form and face from its definition', () => {
    const logic = filterKinds('').find((group) => group.role === 'logic');
    expect(logic?.kinds).toContain('logic.for-each');
    expect(infoOf('logic.for-each').title).toBe('For each');
    const form = paramsForm('logic.for-each');
    if (form?.kind !== 'object') throw new Error('object form expected');
    expect(form.properties.map((property) => property.key)).toEqual(['items', 'concurrency', 'result']);
    const params = loopGraph().nodes[1]?.params ?? {};
    expect(nodeSummary('logic.for-each', params)).toEqual(['each of {{ trigger.items }}', '3 at a time']);
  });

  it('draws its body as one labelled output; the join continues after the loop', () => {
    const params = loopGraph().nodes[1]?.params ?? {};
    expect(nodeHandles({ kind: 'logic.for-each', params })).toEqual(['body']);
    expect(handleLabel('logic.for-each', params, 'body')).toBe('Each item');
    expect(nodeHandles({ kind: 'logic.join', params: {} })).toEqual(['next']);
  });

  it('shows the compiler’s refusal of a body that never reaches a join on the node that ends it', () => {
    const graph = loopGraph();
    expect(createEditorStore({ graph }).getState().compiled.issues).not.toContainEqual(
      expect.objectContaining({ severity: 'error' }),
    );
    graph.edges = graph.edges.filter((edge) => edge.id !== 'e-wait');
    expect(createEditorStore({ graph }).getState().compiled.issues).toContainEqual(
      expect.objectContaining({ code: 'unjoined-branch', 'node-id': 'wait', severity: 'error' }),
    );
  });

  it('shows iterations done and failed on the loop’s step in a run', () => {
    const running = stepOverlay(step('loop', 'running', { iterations: { total: 3, done: 2, failed: 1 } }));
    expect(running.iterations).toBe('2/3 items done · 1 failed');
    expect(running.detail).toContain('Iterations: 2/3 items done · 1 failed');
    expect(stepOverlay(step('loop', 'completed', { iterations: { total: 1, done: 1, failed: 0 } })).iterations).toBe(
      '1/1 item done',
    );
    expect(stepOverlay(step('create', 'completed')).iterations).toBeNull();
  });
});
