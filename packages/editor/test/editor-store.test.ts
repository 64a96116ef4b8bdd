import type { NodePositionChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../src/store/create-editor-store.ts';
import type { LayoutFunction } from '../src/store/editor-state.ts';
import { HISTORY_LIMIT } from '../src/store/history.ts';
import { branchGraph, reviewCatalog, reviewWorkflow } from './fixtures/review-workflow.ts';

const positionOf = (store: ReturnType<typeof createEditorStore>, id: string) =>
  store.getState().nodes.find((node) => node.id === id)?.position;

const move = (id: string, x: number, y: number, dragging: boolean): NodePositionChange => ({
  type: 'position',
  id,
  position: { x, y },
  dragging,
});

describe('editor store: editing and history', () => {
  it('undoes and redoes adding, connecting and deleting, one step each', () => {
    const store = createEditorStore({ graph: branchGraph() });
    const start = store.getState().graph();
    const id = store.getState().addNode('case.add-comment', { x: 900, y: 0 });
    expect(store.getState().connect({ source: 'check', sourceHandle: 'else', target: id })).toBeNull();
    store.getState().select([id]);
    store.getState().deleteSelected();
    expect(store.getState().graph()).toEqual(start);
    expect(store.getState().past).toHaveLength(3);

    store.getState().undo();
    expect(
      store
        .getState()
        .graph()
        .edges.map((edge) => edge.target),
    ).toContain(id);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().graph()).toEqual(start);
    store.getState().undo(); // nothing left to undo: no change
    expect(store.getState().graph()).toEqual(start);

    store.getState().redo();
    store.getState().redo();
    expect(
      store
        .getState()
        .graph()
        .nodes.map((node) => node.id),
    ).toContain(id);
    expect(store.getState().future).toHaveLength(1);
    // A new edit after undoing drops what could have been redone.
    store.getState().undo();
    store.getState().updateNodeLabel('check', 'Renamed');
    expect(store.getState().future).toEqual([]);
  });

  it('records a drag as one undo step when it ends, and selection not at all', () => {
    const store = createEditorStore({ graph: branchGraph() });
    store.getState().onNodesChange([{ type: 'select', id: 'check', selected: true }]);
    for (let x = 310; x <= 400; x += 10) store.getState().onNodesChange([move('check', x, 20, true)]);
    expect(store.getState().past).toEqual([]);
    store.getState().onNodesChange([{ type: 'position', id: 'check', dragging: false }]);
    expect(store.getState().past).toHaveLength(1);
    expect(positionOf(store, 'check')).toEqual({ x: 400, y: 20 });
    store.getState().undo();
    expect(positionOf(store, 'check')).toEqual({ x: 300, y: 0 });
    store.getState().redo();
    expect(positionOf(store, 'check')).toEqual({ x: 400, y: 20 });
  });

  it('merges consecutive edits of one node into one step', () => {
    const store = createEditorStore({ graph: branchGraph() });
    for (const label of ['H', 'Hi', 'Hig', 'High']) store.getState().updateNodeLabel('check', label);
    store.getState().updateNodeParams('check', { routes: [{ id: 'high', label: 'High', when: '{{ true }}' }] });
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().nodes.find((node) => node.id === 'check')?.data.label).toBe('High');
    store.getState().undo();
    expect(store.getState().graph()).toEqual(branchGraph());
  });

  it(`keeps at most ${HISTORY_LIMIT} undo steps`, () => {
    const store = createEditorStore({ graph: branchGraph() });
    for (let step = 0; step < HISTORY_LIMIT + 20; step++) {
      store.getState().select(['check']);
      store.getState().updateNodeLabel('check', `label ${step}`);
    }
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('auto-layout moves the nodes left to right as a single undoable step', async () => {
    const graph = reviewWorkflow();
    const store = createEditorStore({
      graph: { ...graph, nodes: graph.nodes.map((node) => ({ ...node, position: { x: 0, y: 0 } })) },
    });
    await store.getState().layout();
    expect(store.getState().past).toHaveLength(1);
    const x = (id: string) => positionOf(store, id)?.x ?? Number.NaN;
    expect(x('trigger')).toBeLessThan(x('check-amount'));
    expect(x('check-amount')).toBeLessThan(x('create-case'));
    expect(x('wait-resolved')).toBeLessThan(x('check-status'));
    expect(x('record-approval')).toBeLessThan(x('done'));
    expect(store.getState().layingOut).toBe(false);
    store.getState().undo();
    expect(store.getState().nodes.every((node) => node.position.x === 0 && node.position.y === 0)).toBe(true);
    store.getState().redo();
    expect(x('trigger')).toBeLessThan(x('done'));
  });

  it('reports a failed layout and leaves the graph and history alone', async () => {
    const layout: LayoutFunction = () => Promise.reject(new Error('ELK fell over'));
    const store = createEditorStore({ graph: branchGraph(), layout });
    await store.getState().layout();
    expect(store.getState().errorMessage).toBe('Auto-layout failed: ELK fell over');
    expect(store.getState().past).toEqual([]);
    expect(store.getState().graph()).toEqual(branchGraph());
  });
});

describe('editor store: compile results', () => {
  it('compiles on every change and files issues under their node ids', () => {
    const store = createEditorStore({ graph: branchGraph() });
    // `else` of the condition leads nowhere, and `other` is unreachable.
    expect(
      store
        .getState()
        .issuesByNode.get('check')
        ?.map((found) => found.code),
    ).toEqual(['missing-else']);
    expect(
      store
        .getState()
        .issuesByNode.get('other')
        ?.map((found) => found.code),
    ).toEqual(['unreachable-node']);

    store.getState().connect({ source: 'check', sourceHandle: 'else', target: 'other' });
    expect(store.getState().compiled.ok).toBe(true);
    expect(store.getState().issuesByNode.size).toBe(0);

    const id = store.getState().addNode('case.create', { x: 0, y: 300 });
    const codes = store
      .getState()
      .issuesByNode.get(id)
      ?.map((found) => found.code);
    expect(codes).toContain('invalid-params'); // no template chosen yet
    expect(codes).toContain('unreachable-node');
    expect(store.getState().compiled.ok).toBe(false);
  });

  it('does not recompile or re-file issues when only the selection or positions change', () => {
    const store = createEditorStore({ graph: branchGraph() });
    const { compiled, issuesByNode } = store.getState();
    store.getState().select(['check']);
    store.getState().onNodesChange([move('done', 5, 5, false)]);
    expect(store.getState().compiled).toBe(compiled);
    expect(store.getState().issuesByNode).toBe(issuesByNode);
    expect(store.getState().selectedNodeIds).toEqual(['check']);
  });

  it('keeps the issue list of a node whose issues did not change', () => {
    const store = createEditorStore({ graph: branchGraph() });
    const before = store.getState().issuesByNode.get('other');
    store.getState().addNode('end', { x: 0, y: 500 });
    expect(store.getState().issuesByNode.get('other')).toBe(before);
  });

  it('checks references against the catalog it is given', () => {
    const store = createEditorStore({ graph: reviewWorkflow() });
    expect(
      store
        .getState()
        .issuesByNode.get('create-case')
        ?.map((found) => found.code),
    ).toContain('unknown-template');
    store.getState().setCatalog(reviewCatalog());
    expect(store.getState().compiled.ok).toBe(true);
  });
});
