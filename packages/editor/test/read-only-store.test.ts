import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../src/store/create-editor-store.ts';
import { branchGraph } from './fixtures/review-workflow.ts';

describe('read-only editor store', () => {
  it('ignores edits but still selects', () => {
    const store = createEditorStore({ graph: branchGraph(), readOnly: true });
    const before = store.getState().graph();
    store.getState().addNode('end', { x: 900, y: 0 });
    store.getState().updateNodeLabel('check', 'Renamed');
    store.getState().select(['check']);
    store.getState().deleteSelected();
    store.getState().importGraphJson(JSON.stringify({ nodes: [], edges: [] }));
    expect(store.getState().graph()).toEqual(before);
    expect(store.getState().past).toEqual([]);
    expect(store.getState().selectedNodeIds).toEqual(['check']);
  });

  it('is editable by default', () => {
    const store = createEditorStore({ graph: branchGraph() });
    expect(store.getState().readOnly).toBe(false);
    store.getState().updateNodeLabel('check', 'Renamed');
    expect(
      store
        .getState()
        .graph()
        .nodes.find((node) => node.id === 'check')?.label,
    ).toBe('Renamed');
  });
});
