import { graphIdSchema } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../src/store/create-editor-store.ts';
import { branchGraph, reviewWorkflow } from './fixtures/review-workflow.ts';

describe('copy and paste', () => {
  it('pastes the selection with fresh ids, moved, selected, with only the edges inside it', () => {
    const store = createEditorStore({ graph: branchGraph() });
    store.getState().select(['check', 'done']);
    expect(store.getState().copy()).toBe(true);
    store.getState().paste();

    const { nodes, edges } = store.getState().graph();
    expect(nodes.map((node) => node.id)).toEqual(['trigger', 'check', 'done', 'other', 'condition', 'end']);
    expect(nodes.at(-2)?.position).toEqual({ x: 340, y: 40 });
    expect(nodes.at(-2)?.params).toEqual(branchGraph().nodes[1]?.params);
    // The condition→done edge comes along; trigger→check (half outside the selection) does not.
    expect(edges.slice(2)).toEqual([
      { id: 'e-condition-yes', source: 'condition', sourceHandle: 'yes', target: 'end' },
    ]);
    expect(store.getState().selectedNodeIds).toEqual(['condition', 'end']);
    expect([...nodes, ...edges].every((item) => graphIdSchema.safeParse(item.id).success)).toBe(true);

    store.getState().paste(); // again: new ids, further away
    const again = store.getState().graph();
    expect(again.nodes.slice(-2).map((node) => node.id)).toEqual(['condition-2', 'end-2']);
    expect(again.nodes.at(-2)?.position).toEqual({ x: 380, y: 80 });
    expect(new Set(again.edges.map((edge) => edge.id)).size).toBe(again.edges.length);

    store.getState().undo();
    store.getState().undo();
    expect(store.getState().graph()).toEqual(branchGraph());
  });

  it('points a pasted case reference at the pasted copy of its node', () => {
    const store = createEditorStore({ graph: reviewWorkflow() });
    store.getState().select(['create-case', 'attach']);
    store.getState().copy();
    store.getState().paste();
    const pasted = store.getState().graph().nodes.slice(-2);
    expect(pasted.map((node) => node.id)).toEqual(['create-case-2', 'attach-2']);
    expect(pasted[1]?.params.case).toEqual({ node: 'create-case-2' });
  });

  it('copies nothing without a selection', () => {
    const store = createEditorStore({ graph: branchGraph() });
    expect(store.getState().copy()).toBe(false);
    store.getState().paste();
    expect(store.getState().graph()).toEqual(branchGraph());
  });
});
