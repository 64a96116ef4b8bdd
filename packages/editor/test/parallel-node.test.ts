import { describe, expect, it } from 'vitest';
import { infoOf } from '../src/graph/kind-info.ts';
import { nodeHandles } from '../src/graph/node-handles.ts';
import { newListItem } from '../src/inspector/form/new-item.ts';
import { paramsForm } from '../src/inspector/schema/params-form.ts';
import { itemLabel } from '../src/inspector/schema/field-labels.ts';
import { handleLabel, nodeSummary } from '../src/nodes/node-summary.ts';
import { filterKinds } from '../src/palette/filter-kinds.ts';
import { createEditorStore } from '../src/store/create-editor-store.ts';
import { regionGraph } from './fixtures/region-graph.ts';

/** trigger → fork ⟨left: wait → join | right: straight to join⟩ → join → done. */
const forkedGraph = () =>
  regionGraph(
    {
      id: 'fork',
      kind: 'logic.parallel',
      params: {
        branches: [
          { id: 'left', label: 'Left' },
          { id: 'right', label: 'Right' },
        ],
      },
    },
    ['left', 'right'],
  );

describe('the Parallel and Join nodes', () => {
  it('are in the palette among the logic kinds, with forms and faces from their definitions', () => {
    const logic = filterKinds('').find((group) => group.role === 'logic');
    expect(logic?.kinds).toEqual(expect.arrayContaining(['logic.parallel', 'logic.join']));
    expect(infoOf('logic.parallel').title).toBe('Parallel');
    expect(infoOf('logic.join').title).toBe('Join');
    const form = paramsForm('logic.parallel');
    if (form?.kind !== 'object') throw new Error('object form expected');
    expect(form.properties.map((property) => property.key)).toEqual(['branches']);
    expect(itemLabel('branches')).toBe('Branch');
    expect(nodeSummary('logic.parallel', forkedGraph().nodes[1]?.params ?? {})).toEqual(['2 branches at once']);
  });

  it('draws one labelled output per branch; a new branch gets a fresh id', () => {
    const params = forkedGraph().nodes[1]?.params ?? {};
    expect(nodeHandles({ kind: 'logic.parallel', params })).toEqual(['left', 'right']);
    expect(handleLabel('logic.parallel', params, 'left')).toBe('Left');
    expect(nodeHandles({ kind: 'logic.join', params: {} })).toEqual(['next']);
    const added = newListItem('logic.parallel', ['branches'], { kind: 'object', properties: [] } as never, [
      { id: 'branch-1' },
    ]);
    expect(added).toEqual({ id: 'branch-2', label: 'Branch 2' });
  });

  it('keeps a renamed branch connected, and the graph compiles', () => {
    const store = createEditorStore({ graph: forkedGraph() });
    expect(store.getState().compiled.ok).toBe(true);
    const rename = (id: string) =>
      store.getState().updateNodeParams('fork', {
        branches: [
          { id, label: 'Left' },
          { id: 'right', label: 'Right' },
        ],
      });
    for (const typed of ['l', 'le', 'lef', 'slow']) rename(typed);
    const outgoing = store
      .getState()
      .edges.filter((edge) => edge.source === 'fork')
      .map((edge) => [edge.sourceHandle, edge.target]);
    expect(Object.fromEntries(outgoing)).toEqual({ slow: 'wait', right: 'join' });
    expect(store.getState().compiled.ok).toBe(true);
  });

  it('shows the compiler’s refusal of a branch that never reaches the join on the node that ends it', () => {
    const graph = forkedGraph();
    graph.edges = graph.edges.filter((edge) => edge.id !== 'e-wait');
    const store = createEditorStore({ graph });
    expect(store.getState().compiled.issues).toContainEqual(
      expect.objectContaining({ code: 'unjoined-branch', 'node-id': 'wait', severity: 'error' }),
    );
  });
});
